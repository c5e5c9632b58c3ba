import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One TCP connection to an HTTP server over a non-blocking POSIX socket, used by one request at
/// a time; every wait is a poll(2) bounded by the request's `Deadline`, so a waiting thread sleeps
/// in the kernel. Closed on deinit.
final class HTTPConnection {
  /// The socket's file descriptor.
  private let descriptor: Int32
  /// Bytes received and not yet consumed.
  private var buffer: [UInt8] = []
  /// Where recv(2) writes.
  private var scratch = [UInt8](repeating: 0, count: 64 << 10)
  /// Bytes received since the last `beginRequest()`: 0 means the server has said nothing yet.
  private(set) var received = 0
  /// The longest line of an answer's head or chunked framing.
  static let maxLineBytes = 64 << 10

  /// Wraps a connected socket.
  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }

  /// Connects to `host:port`, trying each address the name resolves to in turn.
  /// - Throws: `HTTPTransportError.unreachable` (refused, no route, unknown host: transient) or
  ///   `.timedOut` when `deadline` passes first.
  static func open(host: String, port: Int, deadline: Deadline) throws -> HTTPConnection {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = streamSocket
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &list)
    guard status == 0, let first = list else {
      throw HTTPTransportError.unreachable(
        "cannot look up \(host): \(String(cString: gai_strerror(status)))", transient: true)
    }
    defer { freeaddrinfo(list) }
    var lastError = ECONNREFUSED
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let address = entry {
      entry = address.pointee.ai_next
      let fd = socket(address.pointee.ai_family, streamSocket, address.pointee.ai_protocol)
      guard fd >= 0 else {
        lastError = errno
        continue
      }
      let connection = HTTPConnection(descriptor: fd)  // closes fd if connecting fails
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      var one: Int32 = 1  // small requests go out at once (no Nagle delay)
      _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      #if canImport(Darwin)
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
      #endif
      if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
        return connection
      }
      lastError = errno
      guard lastError == EINPROGRESS else { continue }
      try connection.wait(for: Int16(POLLOUT), until: deadline)
      var failure: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
      if failure == 0 { return connection }
      lastError = failure
    }
    let reason =
      lastError == ECONNREFUSED
      ? "connection refused (nothing listens on \(host) port \(port))"
      : "cannot connect to \(host) port \(port): \(String(cString: strerror(lastError)))"
    throw HTTPTransportError.unreachable(reason, transient: true)
  }

  /// Starts counting the bytes of a new answer.
  func beginRequest() { received = 0 }

  /// Whether an idle connection is still usable: the server has neither closed it nor sent
  /// anything unasked.
  var isOpenAndQuiet: Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 0) == 0 && buffer.isEmpty
  }

  /// Sends all of `bytes`.
  /// - Throws: `HTTPTransportError.broken` when the server closed or reset the connection,
  ///   `.timedOut` when `deadline` passes first.
  func write(_ bytes: [UInt8], until deadline: Deadline) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes.withUnsafeBytes {
        send(descriptor, $0.baseAddress! + sent, $0.count - sent, noSignal)
      }
      if count > 0 {
        sent += count
        continue
      }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK {
        try wait(for: Int16(POLLOUT), until: deadline)
        continue
      }
      throw HTTPTransportError.broken(
        code == EPIPE || code == ECONNRESET
          ? "the server closed the connection while the request was being sent"
          : "sending the request failed: \(String(cString: strerror(code)))")
    }
  }

  /// The next line (without its CRLF or LF), or nil when the server closed the connection first.
  /// - Throws: `HTTPTransportError.broken` for a line over `maxLineBytes`; see `fill(until:)`.
  func readLine(until deadline: Deadline) throws -> [UInt8]? {
    var searched = 0
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
      }
      searched = buffer.count
      guard buffer.count <= Self.maxLineBytes else {
        throw HTTPTransportError.broken(
          "a line of the server's answer is longer than \(Self.maxLineBytes) bytes")
      }
      guard try fill(until: deadline) else { return nil }
    }
  }

  /// The next `count` bytes, or fewer when the server closed the connection first.
  func read(count: Int, until deadline: Deadline) throws -> [UInt8] {
    while buffer.count < count, try fill(until: deadline) {}
    let taken = Array(buffer.prefix(count))
    buffer.removeFirst(taken.count)
    return taken
  }

  /// Everything until the server closes the connection.
  func readToEnd(until deadline: Deadline) throws -> [UInt8] {
    while try fill(until: deadline) {}
    defer { buffer.removeAll() }
    return buffer
  }

  /// Appends the bytes the server sends next to `buffer`.
  /// - Returns: false when the server has closed the connection.
  /// - Throws: `HTTPTransportError.broken` on a reset or a failed read, `.timedOut` when
  ///   `deadline` passes first.
  private func fill(until deadline: Deadline) throws -> Bool {
    while true {
      let capacity = scratch.count
      let count = recv(descriptor, &scratch, capacity, 0)
      if count > 0 {
        buffer.append(contentsOf: scratch[..<count])
        received += count
        return true
      }
      if count == 0 { return false }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK {
        try wait(for: Int16(POLLIN), until: deadline)
        continue
      }
      throw HTTPTransportError.broken(
        code == ECONNRESET
          ? "the server reset the connection"
          : "reading the answer failed: \(String(cString: strerror(code)))")
    }
  }

  /// Sleeps until the socket is ready for `events` (or has failed, which the next call reports).
  /// - Throws: `HTTPTransportError.timedOut` when `deadline` passes first.
  private func wait(for events: Int16, until deadline: Deadline) throws {
    while true {
      var entry = pollfd(fd: descriptor, events: events, revents: 0)
      let ready = poll(&entry, 1, deadline.remainingMilliseconds)
      if ready > 0 { return }
      if ready == 0 { throw HTTPTransportError.timedOut }
      if errno != EINTR {
        throw HTTPTransportError.broken(
          "waiting for the server failed: \(String(cString: strerror(errno)))")
      }
    }
  }
}

#if canImport(Glibc)
  /// `SOCK_STREAM` as socket(2) takes it.
  private let streamSocket = Int32(SOCK_STREAM.rawValue)
  /// send(2) flags: a closed connection is an error, not a SIGPIPE that kills raglab.
  private let noSignal = Int32(MSG_NOSIGNAL)
#else
  /// `SOCK_STREAM` as socket(2) takes it.
  private let streamSocket = SOCK_STREAM
  /// send(2) flags (Darwin has no MSG_NOSIGNAL: its sockets set SO_NOSIGPIPE instead).
  private let noSignal: Int32 = 0
#endif

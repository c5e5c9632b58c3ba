#!/usr/bin/env python3
"""A loopback server that answers HTTP requests with scripted raw bytes, for raglab's socket
transport tests: chunked bodies, answers cut off mid-body, kept-alive and dropped connections.

SCRIPT_FILE is a JSON list of replies used in the order requests arrive (over all connections):
  {"raw": "<bytes to send, as text>", "close": true|false}   send, then close the connection if asked
  {"drop": true}                                             close the connection without answering
After the last reply every further request is dropped. Every request is logged to LOG_FILE as one
JSON line: the connection's number (1-based, in accept order), the request line and its headers.
Prints its port on stdout once listening.
Usage: raw_http_server.py SCRIPT_FILE LOG_FILE
"""

import json
import signal
import socket
import sys
import threading

with open(sys.argv[1], encoding="utf-8") as script_file:
    REPLIES = json.load(script_file)
LOG = sys.argv[2]
LOCK = threading.Lock()  # one reply and one log line per request, in arrival order
state = {"connections": 0, "requests": 0}


def read_request(conn, pending):
    """The next request's head and body from `conn` (None at end of stream), and the bytes left."""
    while b"\r\n\r\n" not in pending:
        data = conn.recv(65536)
        if not data:
            return None, pending
        pending += data
    head, pending = pending.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(pending) < length:
        data = conn.recv(65536)
        if not data:
            return None, pending
        pending += data
    return {"line": lines[0], "headers": headers}, pending[length:]


def serve(conn, number):
    pending = b""
    with conn:
        while True:
            request, pending = read_request(conn, pending)
            if request is None:
                return
            with LOCK:
                reply = REPLIES[state["requests"]] if state["requests"] < len(REPLIES) else {"drop": True}
                state["requests"] += 1
                with open(LOG, "a", encoding="utf-8") as log:
                    log.write(json.dumps(dict(request, connection=number)) + "\n")
            if reply.get("drop"):
                return
            conn.sendall(reply["raw"].encode("utf-8"))
            if reply.get("close"):
                return


signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a parent may have left SIGTERM ignored
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(16)
print(listener.getsockname()[1], flush=True)
while True:
    client, _ = listener.accept()
    with LOCK:
        state["connections"] += 1
        count = state["connections"]
    threading.Thread(target=serve, args=(client, count), daemon=True).start()

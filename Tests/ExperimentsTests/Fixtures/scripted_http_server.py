#!/usr/bin/env python3
"""A loopback HTTP server that answers from a script, for raglab's HTTP client tests.

SCRIPT_FILE is a JSON object mapping "METHOD /path" to a reply:
  {"status": 200, "headers": {"Location": "..."}, "body": <JSON value>, "raw": "<text>",
   "hang": <seconds to sleep before answering>}
("raw" is sent as it is instead of the JSON of "body"). Unscripted requests get a 404.
Every request is logged to LOG_FILE as one JSON line: method, path, its Authorization header.
Prints its port on stdout once listening.
Usage: scripted_http_server.py SCRIPT_FILE LOG_FILE
"""

import json
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

with open(sys.argv[1], encoding="utf-8") as script_file:
    SCRIPT = json.load(script_file)
LOG = sys.argv[2]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({
                "method": self.command, "path": self.path,
                "authorization": self.headers.get("Authorization"),
            }) + "\n")
        reply = SCRIPT.get(f"{self.command} {self.path}", {"status": 404, "body": {"error": "no route"}})
        time.sleep(reply.get("hang", 0))
        data = reply["raw"].encode() if "raw" in reply else json.dumps(reply.get("body")).encode()
        self.send_response(reply.get("status", 200))
        for name, value in reply.get("headers", {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = answer
    do_POST = answer


signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a parent may have left SIGTERM ignored
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

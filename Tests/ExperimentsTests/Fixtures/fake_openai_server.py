#!/usr/bin/env python3
"""A stand-in OpenAI-compatible server for raglab's HTTP generator tests (never used by raglab runs).

GET /v1/models lists one model; GET /props reports a ChatML chat template as llama-server does
(a fifth argument `no-props` answers 404 there, as vLLM does); POST /v1/completions answers with the title of the first
"(Title: …)" in the prompt (or "unknown"), one token per byte with llama.cpp-style logprobs,
`usage` and `timings`, and records each request body as one JSON line in the log file (with
`_path`, `_authorization` and `_fault` added). POST /v1/chat/completions does the same with the
turns rendered in ChatML, as a server applying its own template would, and answers in the chat
form. Prints its port on stdout once listening. With DIE_AFTER it exits (as a crashed server would)
instead of answering completion number DIE_AFTER + 1.
Usage: fake_openai_server.py LOG_FILE [PORT (0 = any free one)] [DIE_AFTER|-] [props|no-props]
  [FAULTS_FILE|-]
FAULTS_FILE is a JSON object mapping a request's number (1-based, over the completion, chat and
embeddings endpoints, retries included) to a fault, applied instead of the answer:
  drop       close the connection without answering
  reset      abort the connection (TCP RST)
  stall      wait STALL_SECONDS (3), then answer (a client with a shorter timeout has gone)
  429, 503   that status with `Retry-After: 2`
  500        that status, the error message echoing the request's Authorization header
  400, 401   that status (not retried by raglab); 401 echoes the Authorization header
  truncated  the answer's JSON cut in half (Content-Length matching the cut body)
  malformed  a 200 whose body is not JSON
POST /v1/embeddings answers as `llama-server --embeddings --pooling last` does, with a stand-in
state of the input: [UTF-8 bytes, sum of (i + 1) * byte i mod 2039, first byte, last byte]
(FAKE_EMBEDDINGS=off answers 501 as a server started without --embeddings does).
Environment: FAKE_TOTAL_SLOTS (the `total_slots` /props reports, default 1), FAKE_MODEL_PATH (the
`model_path` /props reports, none by default) and FAKE_DELAY_MS
(each completion is answered that many milliseconds after it arrives, default 0; requests are
answered side by side, as a server with that many slots would).
"""

import json
import os
import signal
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = sys.argv[1]
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 0
DIE_AFTER = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] != "-" else None
PROPS = not (len(sys.argv) > 4 and sys.argv[4] == "no-props")
SLOTS = int(os.environ.get("FAKE_TOTAL_SLOTS", "1"))
DELAY = int(os.environ.get("FAKE_DELAY_MS", "0")) / 1000
LOCK = threading.Lock()  # one log line and one count per request, in arrival order
FAULTS = {}
if len(sys.argv) > 5 and sys.argv[5] != "-":
    with open(sys.argv[5], encoding="utf-8") as faults_file:
        FAULTS = {int(number): fault for number, fault in json.load(faults_file).items()}
STALL_SECONDS = 3
ENDPOINTS = ("/v1/completions", "/v1/chat/completions", "/v1/embeddings")
EMBEDDINGS = os.environ.get("FAKE_EMBEDDINGS", "on") != "off"
MODEL_PATH = os.environ.get("FAKE_MODEL_PATH", "")
# SmolLM2's template text, as its GGUF carries it (tokenizer.chat_template).
CHATML = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
answered = 0


def chatml(messages):
    """The turns as SmolLM2's template renders them, with the generation prompt."""
    turns = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, data, headers=()):
        try:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a stalled answer)

    def reply(self, status, obj, headers=()):
        self.send(status, json.dumps(obj).encode(), headers)

    def do_GET(self):
        if self.path == "/v1/models":
            self.reply(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        elif self.path == "/props" and PROPS:
            props = {"chat_template": CHATML, "total_slots": SLOTS}
            if MODEL_PATH:
                props["model_path"] = MODEL_PATH
            self.reply(200, props)
        else:
            self.reply(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self):
        global answered
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with LOCK:
            if DIE_AFTER is not None and answered >= DIE_AFTER and self.path == "/v1/completions":
                os._exit(1)
            answered += 1
            fault = FAULTS.get(answered) if self.path in ENDPOINTS else None
            with open(LOG, "a", encoding="utf-8") as log:
                extra = {"_path": self.path, "_authorization": self.headers.get("Authorization"),
                         "_fault": fault}
                log.write(json.dumps(dict(body, **extra)) + "\n")
        time.sleep(DELAY)
        if self.path not in ENDPOINTS:
            return self.reply(404, {"error": {"message": f"no route {self.path}"}})
        if fault == "drop":
            self.close_connection = True
            return
        if fault == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        auth = self.headers.get("Authorization") or "(none)"
        errors = {
            "429": (429, "too many requests", [("Retry-After", "2")]),
            "503": (503, "Loading model", [("Retry-After", "2")]),
            "500": (500, f"internal error serving the request authorised by {auth}", []),
            "400": (400, "the request exceeds the available context size", []),
            "401": (401, f"Incorrect API key provided: {auth}", []),
        }
        if fault in errors:
            status, message, headers = errors[fault]
            return self.reply(status, {"error": {"code": status, "message": message}}, headers)
        if fault == "malformed":
            return self.send(200, b"<html><body>502 Bad Gateway</body></html>")
        if fault == "stall":
            time.sleep(STALL_SECONDS)
        if self.path == "/v1/embeddings":
            return self.embed(body["input"], fault == "truncated")
        chat = self.path == "/v1/chat/completions"
        prompt = chatml(body["messages"]) if chat else body["prompt"]
        start = prompt.find("(Title: ")
        text = prompt[start + 8:prompt.index(")", start)] if start >= 0 else "unknown"
        text = text.encode()[: body.get("max_tokens", 16)].decode(errors="ignore")
        content = [{"id": b, "token": chr(b), "logprob": -0.25, "bytes": [b]} for b in text.encode()]
        n_prompt = len(prompt.encode())
        choice = {"index": 0, "finish_reason": "stop", "logprobs": {"content": content}}
        if chat:
            choice["message"] = {"role": "assistant", "content": text}
        else:
            choice["text"] = text
        answer = json.dumps({
            "object": "chat.completion" if chat else "text_completion", "model": body.get("model"),
            "choices": [choice],
            "usage": {"prompt_tokens": n_prompt, "completion_tokens": len(content)},
            "timings": {"prompt_n": n_prompt // 2},
        }).encode()
        if fault == "truncated":
            answer = answer[: len(answer) // 2]
        self.send(200, answer)


    def embed(self, text, truncated):
        """The stand-in last-token state of `text` (its JSON cut in half when `truncated`), or
        llama-server's refusal without --embeddings."""
        if not EMBEDDINGS:
            message = "This server does not support embeddings. Start it with `--embeddings`"
            return self.reply(501, {"error": {"code": 501, "message": message}})
        data = text.encode()
        checksum = sum((i + 1) * b for i, b in enumerate(data)) % 2039  # exact in binary16
        state = [float(len(data)), float(checksum), float(data[0]), float(data[-1])]
        answer = json.dumps({"object": "list", "data": [{"object": "embedding", "index": 0,
                                                         "embedding": state}],
                             "usage": {"prompt_tokens": len(data), "total_tokens": len(data)}})
        answer = answer.encode()
        self.send(200, answer[: len(answer) // 2] if truncated else answer)


signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a parent may have left SIGTERM ignored
ThreadingHTTPServer.request_queue_size = 128  # many clients connecting at once are not refused
server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

#!/usr/bin/env python3
"""A stand-in OpenAI-compatible server for raglab's HTTP generator tests (never used by raglab runs).

GET /v1/models lists one model; GET /props reports a ChatML chat template as llama-server does
(a fifth argument `no-props` answers 404 there, as vLLM does); POST /v1/completions answers with the title of the first
"(Title: …)" in the prompt (or "unknown"), one token per byte with llama.cpp-style logprobs,
`usage` and `timings`, and records each request body as one JSON line in the log file.
Prints its port on stdout once listening. With DIE_AFTER it exits (as a crashed server would)
instead of answering completion number DIE_AFTER + 1.
Usage: fake_openai_server.py LOG_FILE [PORT (0 = any free one)] [DIE_AFTER] [no-props]
Environment: FAKE_TOTAL_SLOTS (the `total_slots` /props reports, default 1) and FAKE_DELAY_MS
(each completion is answered that many milliseconds after it arrives, default 0; requests are
answered side by side, as a server with that many slots would).
"""

import json
import os
import signal
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
# SmolLM2's template text, as its GGUF carries it (tokenizer.chat_template).
CHATML = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
answered = 0


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/v1/models":
            self.reply(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        elif self.path == "/props" and PROPS:
            self.reply(200, {"chat_template": CHATML, "total_slots": SLOTS})
        else:
            self.reply(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self):
        global answered
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with LOCK:
            if DIE_AFTER is not None and answered >= DIE_AFTER and self.path == "/v1/completions":
                os._exit(1)
            answered += 1
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(json.dumps(body) + "\n")
        time.sleep(DELAY)
        if self.path != "/v1/completions":
            return self.reply(404, {"error": {"message": f"no route {self.path}"}})
        prompt = body["prompt"]
        start = prompt.find("(Title: ")
        text = prompt[start + 8:prompt.index(")", start)] if start >= 0 else "unknown"
        text = text.encode()[: body.get("max_tokens", 16)].decode(errors="ignore")
        content = [{"id": b, "token": chr(b), "logprob": -0.25, "bytes": [b]} for b in text.encode()]
        n_prompt = len(prompt.encode())
        self.reply(200, {
            "object": "text_completion", "model": body.get("model"),
            "choices": [{"index": 0, "text": text, "finish_reason": "stop", "logprobs": {"content": content}}],
            "usage": {"prompt_tokens": n_prompt, "completion_tokens": len(content)},
            "timings": {"prompt_n": n_prompt // 2},
        })


signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a parent may have left SIGTERM ignored
ThreadingHTTPServer.request_queue_size = 128  # many clients connecting at once are not refused
server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

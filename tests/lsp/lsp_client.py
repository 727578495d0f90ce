"""A scripted LSP client: starts `tariff lsp` and talks JSON-RPC to it over its standard input and
output, as an editor does. The tests (test_*.py) and the benchmark (benchmarks/lsp_latency.py)
drive the server through it."""
import json
import os
import select
import subprocess
import time


class Client:
    def __init__(self, tool, *args, encodings=None, debounce=0):
        self.proc = subprocess.Popen([tool, "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.buffer = b""
        self.next_id = 0
        self.notifications = []
        self.encodings = encodings
        self.debounce = debounce

    # --- the wire ---------------------------------------------------------------------------

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read_message(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                header = self.buffer[:end].decode("ascii")
                length = int(header.split("Content-Length:")[1].split("\r\n")[0])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from the server")
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    raise EOFError("the server closed its output")
                self.buffer += chunk

    # --- requests and notifications ---------------------------------------------------------

    def request(self, method, params=None):
        """Sends a request and returns its whole response (result or error); notifications that
        arrive meanwhile are kept in self.notifications."""
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.response(self.next_id)

    def response(self, request_id):
        while True:
            m = self.read_message()
            if "method" in m and "id" not in m:
                self.notifications.append(m)
            elif m.get("id") == request_id:
                return m

    def result(self, method, params=None):
        r = self.request(method, params)
        assert "error" not in r, r
        return r["result"]

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def notification(self, method):
        """The next notification of that method (kept ones first)."""
        for i, m in enumerate(self.notifications):
            if m["method"] == method:
                return self.notifications.pop(i)
        while True:
            m = self.read_message()
            if m.get("method") == method and "id" not in m:
                return m
            self.notifications.append(m)

    # --- the session ------------------------------------------------------------------------

    def initialize(self):
        capabilities = {}
        if self.encodings is not None:
            capabilities["general"] = {"positionEncodings": self.encodings}
        result = self.result("initialize", {
            "processId": None, "rootUri": None, "capabilities": capabilities,
            "initializationOptions": {"debounce": self.debounce}})
        self.notify("initialized", {})
        return result

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "tariff", "version": version, "text": text}})

    def diagnostics(self, uri):
        while True:
            m = self.notification("textDocument/publishDiagnostics")
            if m["params"]["uri"] == uri:
                return m["params"]

    def close(self):
        """shutdown, exit; returns the server's exit status."""
        if self.proc.poll() is None:
            try:
                self.request("shutdown")
                self.notify("exit")
            except (BrokenPipeError, EOFError, TimeoutError):
                pass
        try:
            return self.proc.wait(timeout=10)
        finally:
            self.proc.stdin.close()
            self.proc.stdout.close()
            self.proc.stderr.close()

"""A language server that only records: it stands in for `tariff lsp` while the editor tests check
how Neovim's client is set up (editors/nvim): what it starts, with which root, and what it sends.
It answers `initialize` and `shutdown`, publishes one diagnostic for each opened document so the
test can see the client took it, and appends each message it gets as a JSON line to argv[1]."""
import json
import sys


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(stream.read(length))


def send(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    sys.stdout.buffer.flush()


def main():
    log = open(sys.argv[1], "a", encoding="utf-8")
    while True:
        message = read_message(sys.stdin.buffer)
        if message is None:
            return
        log.write(json.dumps(message) + "\n")
        log.flush()
        method = message.get("method")
        if method == "initialize":
            send({"jsonrpc": "2.0", "id": message["id"],
                  "result": {"capabilities": {"textDocumentSync": 1},
                             "serverInfo": {"name": "recording"}}})
        elif method == "textDocument/didOpen":
            document = message["params"]["textDocument"]
            send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                  "params": {"uri": document["uri"], "diagnostics": [{
                      "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                      "severity": 2, "source": "recording", "message": "opened " + document["languageId"]}]}})
        elif method == "shutdown":
            send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif method == "exit":
            return


if __name__ == "__main__":
    main()

"""Malformed requests: each gets the JSON-RPC error the specification names, and the server keeps
serving (a hover after them still answers)."""
from conftest import URI, Client, at


def still_serving(client):
    assert client.result("textDocument/hover", at(9, 10))["contents"]["value"].startswith(
        "**item** `hvac_repair`")


def test_a_request_before_initialize_is_refused_and_a_notification_dropped(tool):
    c = Client(tool)
    c.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})
    assert c.response(1) == {"jsonrpc": "2.0", "id": 1, "error": {
        "code": -32002, "message": "the server is not initialized yet"}}
    c.open(URI, "tariff")  # dropped: no diagnostics follow it
    c.initialize()
    assert c.request("textDocument/hover", at(0, 0))["error"]["message"] == (
        "document not open: " + URI)
    assert c.notifications == []
    assert c.close() == 0


def test_a_body_that_is_not_json_is_a_parse_error(opened):
    opened.send_raw(b"Content-Length: 9\r\n\r\n{\"id\": 1,")
    assert opened.read_message() == {"jsonrpc": "2.0", "id": None, "error": {
        "code": -32700, "message": "the message is not JSON"}}
    still_serving(opened)


def test_a_header_without_content_length_is_a_parse_error(opened):
    opened.send_raw(b"Content-Type: application/json\r\n\r\n")
    assert opened.read_message() == {"jsonrpc": "2.0", "id": None, "error": {
        "code": -32700, "message": "a header without a valid Content-Length"}}
    still_serving(opened)


def test_messages_that_are_not_requests_are_invalid_requests(opened):
    opened.send([1, 2])
    assert opened.read_message()["error"] == {
        "code": -32600,
        "message": "a message must be a JSON object (batches are not used by LSP)"}
    opened.send({"jsonrpc": "2.0", "id": 7})
    assert opened.read_message() == {"jsonrpc": "2.0", "id": 7, "error": {
        "code": -32600, "message": "a message needs a method"}}
    opened.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})
    assert opened.read_message()["error"] == {
        "code": -32600, "message": "a request's id must be an integer or a string"}
    opened.send({"jsonrpc": "1.0", "id": "a", "method": "shutdown"})
    assert opened.read_message() == {"jsonrpc": "2.0", "id": "a", "error": {
        "code": -32600, "message": "jsonrpc must be \"2.0\""}}
    still_serving(opened)


def test_an_unknown_method_is_method_not_found_and_an_unknown_notification_ignored(opened):
    assert opened.request("textDocument/semanticTokens/full", {"textDocument": {"uri": URI}}) == {
        "jsonrpc": "2.0", "id": opened.next_id, "error": {
            "code": -32601, "message": "unknown method: textDocument/semanticTokens/full"}}
    opened.notify("$/somethingNew", {})
    still_serving(opened)


def test_bad_params_are_invalid_params(opened):
    error = opened.request("textDocument/hover", {"textDocument": {"uri": URI},
                                                  "position": {"line": "one", "character": 0}})
    assert error["error"]["code"] == -32602
    assert error["error"]["message"].startswith("invalid params: ")
    assert opened.request("textDocument/hover", [1])["error"] == {
        "code": -32602, "message": "params must be an object"}
    assert opened.request("textDocument/hover", {"textDocument": {"uri": "file:///none"},
                                                 "position": {"line": 0, "character": 0}})[
        "error"] == {"code": -32602, "message": "document not open: file:///none"}
    assert opened.request("workspace/executeCommand", {"command": "tariff.delete"})["error"] == {
        "code": -32602, "message": "unknown command: tariff.delete"}
    still_serving(opened)


def test_a_bad_notification_is_logged_and_changes_nothing(opened):
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": "all of it"})
    log = opened.notification("window/logMessage")
    assert log["params"] == {"type": 1, "message": "textDocument/didChange: contentChanges must "
                                                   "be an array"}
    still_serving(opened)


def test_positions_past_the_end_are_clamped(opened):
    assert opened.result("textDocument/hover", at(9, 10_000)) is None
    assert opened.result("textDocument/hover", at(10_000, 0)) is None
    still_serving(opened)


def test_a_line_of_a_megabyte_and_a_name_of_a_megabyte_are_answered(opened):
    # Regular expressions recurse per character repeated: the server must not read whole huge
    # lines or names with them.
    long_line = "rule r : price * " + "x" * 1_000_000
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"range": {
                                                 "start": {"line": 19, "character": 0},
                                                 "end": {"line": 19, "character": 0}},
                                                 "text": long_line}]})
    opened.diagnostics(URI)
    assert opened.result("textDocument/completion", at(19, len(long_line)))["items"]
    assert opened.request("textDocument/rename", at(13, 6, newName="n" * 1_000_000 + "N"))[
        "error"]["message"].endswith("is not a name: a lowercase letter, then lowercase "
                                     "letters, digits and '_'")
    still_serving(opened)

"""initialize, the negotiated position encoding, shutdown and exit."""
from conftest import Client

CAPABILITIES = {
    "positionEncoding": "utf-16",
    "textDocumentSync": {"openClose": True, "change": 2},
    "hoverProvider": True,
    "completionProvider": {"triggerCharacters": [".", " "]},
    "definitionProvider": True,
    "referencesProvider": True,
    "documentSymbolProvider": True,
    "renameProvider": {"prepareProvider": True},
    "documentFormattingProvider": True,
    "codeActionProvider": {"codeActionKinds": ["quickfix"]},
    "codeLensProvider": {"resolveProvider": False},
    "executeCommandProvider": {"commands": ["tariff.explain"]},
}


def test_initialize_answers_the_capabilities_in_utf16_by_default(tool):
    c = Client(tool)
    result = c.initialize()
    assert result["capabilities"] == CAPABILITIES
    assert result["serverInfo"]["name"] == "tariff"
    assert c.close() == 0


def test_utf8_is_chosen_when_the_client_offers_it(tool):
    c = Client(tool, encodings=["utf-16", "utf-8"])
    assert c.initialize()["capabilities"]["positionEncoding"] == "utf-8"
    assert c.close() == 0


def test_utf16_stays_when_the_client_offers_only_utf32_and_utf16(tool):
    c = Client(tool, encodings=["utf-32", "utf-16"])
    assert c.initialize()["capabilities"]["positionEncoding"] == "utf-16"
    assert c.close() == 0


def test_exit_without_shutdown_ends_with_status_1(tool):
    c = Client(tool)
    c.initialize()
    c.notify("exit")
    assert c.proc.wait(timeout=10) == 1
    c.close()


def test_requests_after_shutdown_are_refused_and_exit_ends_with_status_0(tool):
    c = Client(tool)
    c.initialize()
    assert c.request("shutdown") == {"jsonrpc": "2.0", "id": 2, "result": None}
    assert c.request("textDocument/hover", {}) == {
        "jsonrpc": "2.0", "id": 3,
        "error": {"code": -32600, "message": "the server is shut down"}}
    c.notify("exit")
    assert c.proc.wait(timeout=10) == 0
    c.close()


def test_a_second_initialize_is_an_invalid_request(client):
    assert client.request("initialize", {"capabilities": {}})["error"] == {
        "code": -32600, "message": "initialize was already sent"}

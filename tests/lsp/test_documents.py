"""Documents: diagnostics on open and change (the messages of `tariff check`), incremental sync,
positions in UTF-16 and UTF-8 past Cyrillic text, the debounce, and half-typed text."""
import subprocess

from conftest import TARIFF, URI, Client, span

WRONG_CURRENCY = TARIFF.replace("currency RUB", "currency rub")


def test_diagnostics_on_open_are_those_of_tariff_check(client, tool, tmp_path):
    client.open(URI, TARIFF.replace("rule night for hvac_repair", "rule night for hvac_repai"))
    published = client.diagnostics(URI)
    assert published == {"uri": URI, "version": 1, "diagnostics": [{
        "range": span(13, 15, 25),
        "severity": 1,
        "source": "tariff",
        "message": "unknown item 'hvac_repai'; did you mean 'hvac_repair'?",
    }]}
    path = tmp_path / "service.tariff"
    path.write_text(TARIFF.replace("rule night for hvac_repair", "rule night for hvac_repai"))
    check = subprocess.run([tool, "check", str(path)], capture_output=True, text=True)
    assert f"{path}:14:16: error: unknown item 'hvac_repai'; did you mean 'hvac_repair'?" in check.stderr


def test_positions_after_a_cyrillic_title_count_utf16_code_units(client):
    client.open(URI, WRONG_CURRENCY)
    d = client.diagnostics(URI)["diagnostics"]
    # 'rub' is byte 47 of the line (column 47 in `tariff check`), character 33 in UTF-16.
    assert [x["range"] for x in d] == [span(0, 0, 6), span(0, 33, 36)]
    assert d[1]["message"] == ("expected a currency code of three capital letters, such as RUB, "
                               "found 'rub'")


def test_positions_after_a_cyrillic_title_count_bytes_in_utf8(tool):
    c = Client(tool, encodings=["utf-8"])
    c.initialize()
    c.open(URI, WRONG_CURRENCY)
    assert [x["range"] for x in c.diagnostics(URI)["diagnostics"]] == [span(0, 0, 6),
                                                                        span(0, 46, 49)]
    # An edit in UTF-8 positions: replace 'rub' (bytes 46..49) by 'RUB'.
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"range": span(0, 46, 49),
                                                            "text": "RUB"}]})
    assert c.diagnostics(URI) == {"uri": URI, "version": 2, "diagnostics": []}
    assert c.close() == 0


def test_incremental_changes_in_utf16_apply_in_order(client):
    client.open(URI, WRONG_CURRENCY)
    client.diagnostics(URI)
    # Two changes in one notification: the second's range is in the text the first left.
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": URI, "version": 2},
        "contentChanges": [
            {"range": span(0, 33, 36), "text": "RUB"},
            {"range": span(13, 15, 26), "text": "vist"},
        ]})
    assert client.diagnostics(URI) == {"uri": URI, "version": 2, "diagnostics": [{
        "range": span(13, 15, 19), "severity": 1, "source": "tariff",
        "message": "unknown item 'vist'; did you mean 'visit'?"}]}
    # A whole-text change replaces everything.
    client.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3},
                                             "contentChanges": [{"text": TARIFF}]})
    assert client.diagnostics(URI) == {"uri": URI, "version": 3, "diagnostics": []}


def test_closing_a_document_clears_its_diagnostics(client):
    client.open(URI, WRONG_CURRENCY)
    assert len(client.diagnostics(URI)["diagnostics"]) == 2
    client.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    assert client.diagnostics(URI) == {"uri": URI, "diagnostics": []}
    assert client.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})["error"] == {
        "code": -32602, "message": "document not open: " + URI}


def test_a_burst_of_changes_is_checked_once_after_the_debounce(tool):
    # A debounce far longer than sending three notifications takes: one publication follows,
    # for the last version.
    c = Client(tool, debounce=3000)
    c.initialize()
    c.open(URI, TARIFF)
    for version in (2, 3, 4):
        c.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": version},
            "contentChanges": [{"range": span(13, 15, 15 + version - 1), "text": "x" * version}]})
    published = c.diagnostics(URI)
    assert published["version"] == 4
    assert [n for n in c.notifications if n["method"] == "textDocument/publishDiagnostics"] == []
    assert c.close() == 0


def test_every_prefix_of_a_tariff_typed_gets_diagnostics_and_the_server_survives(client):
    # The server checks half-typed text on every keystroke: type the tariff a few characters at a
    # time, each an incremental insertion at the end, and read each version's diagnostics.
    client.open(URI, "")
    assert client.diagnostics(URI)["version"] == 1
    typed = ""
    version = 1
    step = 5
    for i in range(0, len(TARIFF), step):
        chunk = TARIFF[i:i + step]
        lines = typed.split("\n")
        end = {"line": len(lines) - 1, "character": len(lines[-1].encode("utf-16-le")) // 2}
        version += 1
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": version},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": chunk}]})
        typed += chunk
        published = client.diagnostics(URI)
        assert published["version"] == version
        # Hover, completion and the outline on half-typed text answer too.
        for method in ("textDocument/hover", "textDocument/completion"):
            assert "result" in client.request(method, {"textDocument": {"uri": URI},
                                                       "position": end})
        assert "result" in client.request("textDocument/documentSymbol",
                                          {"textDocument": {"uri": URI}})
    assert typed == TARIFF
    assert published["diagnostics"] == []


def test_a_character_above_u_ffff_counts_two_utf16_units_and_four_utf8_bytes(tool):
    text = TARIFF.replace('"Тариф «Сервис»" currency RUB', '"😀 Тариф" currency rub')
    for encodings, rub in ((None, span(0, 27, 30)), (["utf-8"], span(0, 34, 37))):
        c = Client(tool, encodings=encodings)
        c.initialize()
        c.open(URI, text)
        assert [x["range"] for x in c.diagnostics(URI)["diagnostics"]] == [span(0, 0, 6), rub]
        # A position inside the surrogate pair reads as the character's start.
        assert c.result("textDocument/hover", {"textDocument": {"uri": URI},
                                               "position": {"line": 0, "character": 9}}) is None
        assert c.close() == 0

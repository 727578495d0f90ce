"""One test per capability, on conftest.TARIFF, with the exact responses."""
from conftest import TARIFF, URI, at, span

DOC = {"textDocument": {"uri": URI}}


def location(line, start, end):
    return {"uri": URI, "range": span(line, start, end)}


def labels(result):
    return [i["label"] for i in result["items"]]


# --- hover -----------------------------------------------------------------------------------

def test_hover_on_an_item_shows_unit_price_cost_and_step_per_price_list(opened):
    assert opened.result("textDocument/hover", at(13, 20)) == {
        "range": span(13, 15, 26),
        "contents": {"kind": "markdown", "value":
                     "**item** `hvac_repair` \"Ремонт\", per hour\n\n"
                     "| price list | price | cost | billing step |\n"
                     "| --- | --- | --- | --- |\n"
                     "| `retail` from 2026-01-01 | 2500.00 | 1400.00 | started 1h |\n"
                     "| `wholesale` (override) | 2200.00 | — | — |\n"}}


def test_hover_on_a_rule_shows_condition_value_and_place(opened):
    assert opened.result("textDocument/hover", at(13, 6))["contents"]["value"] == (
        "**rule** `night`\n\n- for: `hvac_repair`\n- when: `in night`\n- value: `price * 2`\n"
        "- place: rule 1 of 2 in written order; each rule sees the price the one before it made\n")
    assert opened.result("textDocument/hover", at(14, 6))["contents"]["value"] == (
        "**rule** `region`\n\n- for: every item\n- when: always\n"
        "- value: `price * region_factor`\n"
        "- place: rule 2 of 2 in written order; each rule sees the price the one before it made\n")


def test_hover_on_a_table_shows_its_entries(opened):
    assert opened.result("textDocument/hover", at(14, 25)) == {
        "range": span(14, 22, 35),
        "contents": {"kind": "markdown", "value":
                     "**table** `region_factor` by `site.region`\n\n| key | value |\n"
                     "| --- | --- |\n| \"moscow\" | 1.00 |\n| \"tula\" | 1.25 |\n"
                     "| else | 1.10 |\n"}}


def test_hover_on_attributes_window_and_day_set(opened):
    def text(line, character):
        return opened.result("textDocument/hover", at(line, character))["contents"]["value"]
    assert text(6, 12) == "**attribute** `site.region` : string, default `\"moscow\"`\n"
    assert text(3, 10) == ("**window** `night` 22:00 .. 06:00 (crosses midnight), in the site's "
                           "local time\n")
    assert text(4, 8) == "**days** `weekend`: sat, sun\n"
    assert opened.result("textDocument/hover", at(13, 1)) is None  # the keyword `rule`


def test_hover_on_a_plan_and_a_price_list(opened):
    assert opened.result("textDocument/hover", at(15, 7)) == {
        "range": span(15, 5, 13),
        "contents": {"kind": "markdown", "value":
                     "**plan** `standard`, price list `retail`\n\n"
                     "- catalogue: `hvac_repair`, `visit`\n"}}
    assert opened.result("textDocument/hover", at(12, 33))["contents"]["value"] == (
        "**price list** `retail`\n\n- from 2026-01-01: 2 items, 0 overrides (line 9)\n")
    assert opened.result("textDocument/hover", at(12, 12))["contents"]["value"] == (
        "**price list** `wholesale`\n\n"
        "- always in force, extends `retail`: 0 items, 1 overrides (line 13)\n")


# --- completion ------------------------------------------------------------------------------

def test_completion_offers_what_the_context_takes(opened):
    def complete(text, line=19):
        # Type `text` on a new last line, then complete at its end.
        opened.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": span(19, 0, 200), "text": text}]})
        return opened.result("textDocument/completion", at(line, len(text)))
    assert labels(complete("")) == ["tariff", "rounding", "calendar", "attribute", "table",
                                    "pricelist", "rule", "group", "plan", "tax", "pay",
                                    "migrate"]
    assert labels(complete("rule late when in ")) == ["night"]
    assert labels(complete("rule late when on ")) == ["weekend", "holiday"]
    assert labels(complete("rule late for ")) == ["hvac_repair", "visit"]
    assert labels(complete("rule late for visit, ")) == ["hvac_repair", "visit"]
    assert labels(complete("rule late when site.")) == ["region"]
    assert labels(complete("rule late when contract.")) == ["year", "start", "end",
                                                            "client_since"]
    assert labels(complete("rounding line 0.01 ")) == ["half_even", "half_up", "half_down", "up",
                                                      "down", "ceiling", "floor"]
    assert labels(complete("group g stack ")) == ["multiply", "largest", "add"]
    assert labels(complete("attribute work.team : ")) == ["string", "number", "money",
                                                           "percent", "bool", "date"]
    assert labels(complete("  item call \"Call\" per ")) == ["hour", "minute", "day", "month",
                                                             "visit", "piece", "km", "kg",
                                                             "m2", "m3"]
    assert labels(complete("  fee 100.00 per ")) == ["month", "quarter", "year"]
    assert labels(complete("pricelist special extends ")) == ["retail", "wholesale"]
    expression = complete("rule late : price * ")
    assert labels(expression)[:8] == ["region_factor", "price", "base", "cost", "quantity",
                                      "min", "max", "and"]
    assert expression["items"][0] == {"label": "region_factor", "kind": 22, "detail": "table"}
    assert "site.region" in labels(expression)


# --- definition, references, outline ---------------------------------------------------------

def test_definition_of_a_table_a_window_and_an_item(opened):
    assert opened.result("textDocument/definition", at(14, 30)) == [location(7, 6, 19)]
    assert opened.result("textDocument/definition", at(13, 37)) == [location(3, 9, 14)]
    # An override is a use: the item is declared once, in retail.
    assert opened.result("textDocument/definition", at(12, 40)) == [location(9, 7, 18)]
    assert opened.result("textDocument/definition", at(0, 2)) is None


def test_references_of_an_item_with_and_without_its_declaration(opened):
    every = [location(9, 7, 18), location(12, 37, 48), location(13, 15, 26),
             location(17, 12, 23)]
    assert opened.result("textDocument/references",
                         at(17, 14, context={"includeDeclaration": True})) == every
    assert opened.result("textDocument/references",
                         at(17, 14, context={"includeDeclaration": False})) == every[1:]


def test_document_symbols_are_the_outline(opened):
    symbols = opened.result("textDocument/documentSymbol", DOC)
    assert [(s["name"], s["kind"], s.get("detail")) for s in symbols] == [
        ("tariff \"Тариф «Сервис»\"", 2, "RUB"),
        ("calendar", 3, None),
        ("site.region", 7, "string"),
        ("region_factor", 23, "table"),
        ("retail", 2, "price list from 2026-01-01"),
        ("wholesale", 2, "price list"),
        ("night", 12, "rule"),
        ("region", 12, "rule"),
        ("standard", 5, "plan"),
    ]
    calendar = symbols[1]
    assert calendar["range"] == {"start": {"line": 1, "character": 0},
                                 "end": {"line": 5, "character": 1}}
    assert calendar["children"] == [
        {"name": "night", "kind": 14, "detail": "window", "range": span(3, 2, 29),
         "selectionRange": span(3, 9, 14)},
        {"name": "weekend", "kind": 14, "detail": "days", "range": span(4, 2, 23),
         "selectionRange": span(4, 7, 14)},
    ]
    assert [(c["name"], c["detail"], c["selectionRange"]) for c in symbols[4]["children"]] == [
        ("hvac_repair", "Ремонт", span(9, 7, 18)), ("visit", "Engineer visit", span(10, 7, 12))]
    assert symbols[8]["range"] == {"start": {"line": 15, "character": 0},
                                   "end": {"line": 18, "character": 1}}


# --- rename ----------------------------------------------------------------------------------

def test_prepare_rename_and_rename_of_a_window(opened):
    assert opened.result("textDocument/prepareRename", at(13, 36)) == {
        "range": span(13, 35, 40), "placeholder": "night"}
    assert opened.result("textDocument/rename", at(13, 36, newName="late_hours")) == {
        "changes": {URI: [{"range": span(3, 9, 14), "newText": "late_hours"},
                          {"range": span(13, 35, 40), "newText": "late_hours"}]}}


def test_rename_of_a_rule_may_not_take_a_name_rules_or_groups_have(opened):
    assert opened.request("textDocument/rename", at(13, 6, newName="region"))["error"] == {
        "code": -32803, "message": "a rule is already named 'region'"}
    assert opened.request("textDocument/rename", at(13, 6, newName="table"))["error"] == {
        "code": -32803, "message": "'table' is a reserved word"}
    assert opened.request("textDocument/rename", at(13, 6, newName="Night"))["error"] == {
        "code": -32803, "message": "'Night' is not a name: a lowercase letter, then lowercase "
                                   "letters, digits and '_'"}


def test_rename_refuses_items_plans_and_price_lists_with_the_reason(opened):
    assert opened.request("textDocument/prepareRename", at(10, 8))["error"] == {
        "code": -32803,
        "message": "the item 'visit' is not renamed: contracts, work files and stored billing "
                   "states name items by their code and would no longer match"}
    assert opened.request("textDocument/rename", at(15, 6, newName="basic"))["error"] == {
        "code": -32803,
        "message": "the plan 'standard' is not renamed: contracts name their plan and stored "
                   "billing states record it"}
    assert opened.request("textDocument/rename", at(16, 13, newName="shop"))["error"] == {
        "code": -32803,
        "message": "the price list 'retail' is not renamed: contracts may name a price list and "
                   "priced lines and stored states record the one that priced them"}


# --- formatting and code actions -------------------------------------------------------------

def test_formatting_is_one_edit_of_the_whole_document_or_none(opened):
    edits = opened.result("textDocument/formatting", {**DOC, "options": {"tabSize": 2,
                                                                         "insertSpaces": True}})
    formatted = TARIFF.replace("rule region : price * region_factor",
                               "rule region                              : price * region_factor")
    assert edits == [{"range": {"start": {"line": 0, "character": 0},
                                "end": {"line": 19, "character": 0}}, "newText": formatted}]
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"text": formatted}]})
    assert opened.result("textDocument/formatting", {**DOC, "options": {}}) == []


def test_formatting_a_document_with_syntax_errors_fails_with_the_first(opened):
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"text": "rule : price\n"}]})
    error = opened.request("textDocument/formatting", {**DOC, "options": {}})["error"]
    assert error["code"] == -32803
    assert error["message"].startswith("not formatted: the tariff has syntax errors (1:6: ")


def test_code_actions_turn_each_fix_into_a_quick_fix(opened):
    diagnostic = {"range": span(13, 15, 26), "severity": 1, "source": "tariff",
                  "message": "unknown item 'hvac_repair'; did you mean 'visit'?",
                  "data": {"fixes": [{"range": span(13, 15, 26), "newText": "visit"}]}}
    assert opened.result("textDocument/codeAction", {
        **DOC, "range": span(13, 15, 26), "context": {"diagnostics": [diagnostic]}}) == [{
            "title": "Replace 'hvac_repair' with 'visit'",
            "kind": "quickfix",
            "diagnostics": [diagnostic],
            "isPreferred": True,
            "edit": {"changes": {URI: [{"range": span(13, 15, 26), "newText": "visit"}]}}}]
    # A diagnostic without fix-its gives no action.
    del diagnostic["data"]
    assert opened.result("textDocument/codeAction", {
        **DOC, "range": span(13, 15, 26), "context": {"diagnostics": [diagnostic]}}) == []


def test_a_published_did_you_mean_becomes_a_quick_fix_that_clears_it(opened):
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"range": span(17, 25, 30),
                                                                 "text": "vist"}]})
    [diagnostic] = opened.diagnostics(URI)["diagnostics"]
    [action] = opened.result("textDocument/codeAction", {
        **DOC, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    assert action == {
        "title": "Replace 'vist' with 'visit'", "kind": "quickfix", "diagnostics": [diagnostic],
        "isPreferred": True,
        "edit": {"changes": {URI: [{"range": span(17, 25, 29), "newText": "visit"}]}}}
    opened.notify("textDocument/didChange", {
        "textDocument": {"uri": URI, "version": 3},
        "contentChanges": [{"range": e["range"], "text": e["newText"]}
                           for e in action["edit"]["changes"][URI]]})
    assert opened.diagnostics(URI) == {"uri": URI, "version": 3, "diagnostics": []}


def test_a_client_that_drops_data_gets_the_fix_of_the_same_diagnostic(opened):
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"range": span(17, 25, 30),
                                                                 "text": "vist"}]})
    [diagnostic] = opened.diagnostics(URI)["diagnostics"]
    del diagnostic["data"]
    [action] = opened.result("textDocument/codeAction", {
        **DOC, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    assert (action["title"], action["edit"]) == (
        "Replace 'vist' with 'visit'",
        {"changes": {URI: [{"range": span(17, 25, 29), "newText": "visit"}]}})


# --- explain ---------------------------------------------------------------------------------

EXPLAIN = ("# explain: hvac_repair 2026-03-10T23:00+03:00 2026-03-11T01:30+03:00 "
           "site.region=tula\n")


def explained(opened):
    opened.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                             "contentChanges": [{"range": span(19, 0, 0),
                                                                 "text": EXPLAIN}]})


def test_explain_command_prices_the_comment_line_rule_by_rule(opened):
    explained(opened)
    # Tuesday 23:00 to 01:30 in Moscow, all in the night window, in Tula: 2500.00 doubled at
    # night, then × 1.25; split at local midnight (21:00Z), 1 h and 1 h 30 min, the second
    # billed per started hour as 2 h.
    result = opened.result("workspace/executeCommand", {
        "command": "tariff.explain", "arguments": [{"uri": URI, "line": 19}]})
    steps = [{"name": "night", "kind": "rule", "before": "2500.00", "after": "5000.00", "line": 14},
             {"name": "region", "kind": "rule", "before": "5000.00", "after": "6250.00",
              "line": 15}]
    assert {k: v for k, v in result.items() if k != "text"} == {
        "item": "hvac_repair", "amount": "18750.00",
        "parts": [{"begin": "2026-03-10T20:00:00Z", "end": "2026-03-10T21:00:00Z",
                   "labels": ["night"], "list_price": "2500.00", "unit_price": "6250.00",
                   "amount": "6250.00", "steps": steps},
                  {"begin": "2026-03-10T21:00:00Z", "end": "2026-03-10T22:30:00Z",
                   "labels": ["night"], "list_price": "2500.00", "unit_price": "6250.00",
                   "amount": "12500.00", "steps": steps}]}


def test_explain_as_code_lens_and_hover_on_the_comment(opened):
    explained(opened)
    assert opened.result("textDocument/codeLens", DOC) == [{
        "range": span(19, 0, 0),
        "command": {"title": "explain: 2500.00 → night 5000.00 → region 6250.00; 2500.00 → night "
                             "5000.00 → region 6250.00; amount 18750.00",
                    "command": "tariff.explain", "arguments": [{"uri": URI, "line": 19}]}}]
    assert opened.result("textDocument/hover", at(19, 5))["contents"]["value"] == (
        "**explain** `hvac_repair` from `retail`: amount **18750.00**\n\n"
        "part 1, 2026-03-10T20:00:00Z .. 2026-03-10T21:00:00Z (night): list price 2500.00, "
        "unit price 6250.00, amount 6250.00\n\n"
        "| step | before | after |\n| --- | --- | --- |\n"
        "| rule `night` (line 14) | 2500.00 | 5000.00 |\n"
        "| rule `region` (line 15) | 5000.00 | 6250.00 |\n\n"
        "part 2, 2026-03-10T21:00:00Z .. 2026-03-10T22:30:00Z (night): list price 2500.00, "
        "unit price 6250.00, amount 12500.00\n\n"
        "| step | before | after |\n| --- | --- | --- |\n"
        "| rule `night` (line 14) | 2500.00 | 5000.00 |\n"
        "| rule `region` (line 15) | 5000.00 | 6250.00 |\n")


def test_explain_sent_by_the_client_and_its_errors(opened):
    result = opened.result("workspace/executeCommand", {
        "command": "tariff.explain",
        "arguments": [{"uri": URI, "work": "visit 2026-03-10T10:00+03:00 quantity=2"}]})
    assert (result["amount"], [s["after"] for s in result["parts"][0]["steps"]]) == (
        "3600.00", ["1800.00"])
    assert opened.request("workspace/executeCommand", {
        "command": "tariff.explain",
        "arguments": [{"uri": URI, "work": "visit 2026-03-10"}]})["error"] == {
        "code": -32803,
        "message": "explain: '2026-03-10' is not a time with an offset (2026-03-14T23:00+03:00)"}
    assert opened.request("workspace/executeCommand", {
        "command": "tariff.explain", "arguments": [{"uri": URI, "line": 3}]})["error"] == {
        "code": -32803, "message": "line 4 is not an explain comment"}

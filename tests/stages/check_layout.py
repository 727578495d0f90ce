#!/usr/bin/env python3
"""Namespaces follow folders, and tests/ mirrors src/ (docs/architecture.md, "Namespaces" and
"Testing conventions").

Usage: check_layout.py SOURCE_DIR

Code of src/FOLDER lives in namespace tariff::FOLDER, or tariff::FOLDER_stage where the public
headers (include/tariff/*.hpp) already declare FOLDER in namespace tariff: a namespace cannot share
its name with a function or class in the same scope. Public API definitions stay in namespace
tariff (a header of src/ declares there only what a public header declares), anonymous
namespaces are free, and a helper namespace may nest inside the stage's; any
other named namespace is reported with its file and line. Namespace aliases declare no namespace.

Every folder of tests/ is either a stage's unit tests (a folder of src/ with the same name) or one
of the whole-library suites that docs/architecture.md's "Testing conventions" table lists.
"""
import pathlib
import re
import sys

TOKEN = re.compile(
    r'(?P<raw>R"(?P<delim>[^(\s]*)\((?:.|\n)*?\)(?P=delim)")'
    r"|(?P<comment>//[^\n]*|/\*(?:.|\n)*?\*/)"
    r'|(?P<string>"(?:\\.|[^"\\\n])*")'
    r"|(?P<char>'(?:\\.|[^'\\\n])+')"
    r"|(?P<word>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<scope>::)"
    r"|(?P<punct>[{}();=\[\]])"
    r"|(?P<newline>\n)")


def tokens(text):
    """Yields (kind, value, line) for words, '::' and punctuation; comments and literals skipped."""
    line = 1
    for m in TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup != "delim" else "raw"
        if kind in ("word", "scope", "punct"):
            yield kind, m.group(), line
        line += m.group().count("\n")


def namespaces(text):
    """Yields (line, full name as a tuple, None for an anonymous level) of each namespace opened."""
    stack = []  # per open brace: the namespace names it opens, or None for any other brace
    pending = None  # the names after `namespace`, until its `{` or an alias's `=`
    previous = None
    for kind, value, line in tokens(text):
        if pending is not None:
            if kind == "word" and value != "inline":
                pending[1].append(value)
            elif value == "{":
                names = pending[1] or [None]
                opened = [n for level in stack if level for n in level]
                yield pending[0], tuple(opened + names)
                stack.append(names)
                pending = None
            elif value in ("=", ";"):
                pending = None
            previous = value
            continue
        if value == "namespace" and previous != "using":
            pending = (line, [])
        elif value == "{":
            stack.append(None)
        elif value == "}" and stack:
            stack.pop()
        previous = value


def class_name(words):
    """The name a class, struct, union or enumeration head declares (`class TARIFF_API decimal`,
    `enum class op : std::uint8_t`, `struct x final : base`), or None for other words."""
    keys = [i for i, w in enumerate(words) if w in ("class", "struct", "union", "enum")]
    if not keys:
        return None
    for w in words[keys[0] + 1:]:
        if w in ("class", "struct", "alignas", "nodiscard", "deprecated", "maybe_unused"):
            continue
        if re.fullmatch(r"[A-Z][A-Z0-9_]*", w):
            continue  # an export macro
        return w
    return None


def declared_in_tariff(text):
    """Yields (name, line) of what a header declares directly in namespace tariff: functions,
    classes, enumerations, variables and aliases; and the classes it befriends, which a friend
    declaration puts there too."""
    stack, pending, parens, previous, words = [], None, 0, None, []
    for kind, value, line in tokens(text):
        at_tariff_scope = stack == [("tariff",)] or stack == [("tariff",), ("extern",)]
        if pending is not None:
            if value == "{":
                stack.append(tuple(pending))
                pending = None
            elif kind == "word":
                pending.append(value)
            elif value in ("=", ";"):
                pending = None
            previous = value
            continue
        if value == "namespace" and previous != "using":
            pending = []
        elif value == "(":
            if parens == 0 and at_tariff_scope and previous and re.fullmatch(r"\w+", previous):
                yield previous, line
            parens += 1
        elif value == ")":
            parens -= 1
        elif value == "{":
            if at_tariff_scope and parens == 0:
                name = class_name(words)
                if name:
                    yield name, line
            stack.append(("extern",) if previous == '"' else None)
        elif value == "}":
            stack.pop()
        elif value in ("=", ";") and parens == 0 and kind == "punct":
            if at_tariff_scope and previous and re.fullmatch(r"\w+", previous) and previous not in ("const", "default", "delete"):
                yield previous, line
            in_tariff_class = stack == [("tariff",), None]
            if value == ";" and in_tariff_class and "friend" in words and class_name(words):
                yield class_name(words), line
        if kind == "word":
            words.append(value)
        if value in ("{", "}", ";"):
            words = []
        previous = value


def public_names(include):
    """Names the public headers declare directly in namespace tariff."""
    return {name for header in sorted(include.glob("*.hpp"))
            for name, _ in declared_in_tariff(header.read_text())}


# The decimal's in-place operations and their slow paths, still in namespace tariff while the
# pricing hot path is reworked (issue 24); they belong in tariff::decimal_stage.
PENDING = {
    "src/decimal/in_place.hpp": {"add_into", "divide_exact_into", "divide_exact_slow", "divide_into",
                                 "divide_slow", "multiply_into", "quotient_digits", "quotient_form", "rescale_into",
                                 "rescale_slow", "set_units", "subtract_into", "trim_into",
                                 "trim_slow", "units_of"},
    "src/decimal/wide.hpp": {"check_scale"},
}


def internals_in_tariff(root, public):
    """A header of src/ that declares in namespace tariff a name the public headers do not."""
    for path in sorted((root / "src").rglob("*.hpp")):
        relative = path.relative_to(root).as_posix()
        for name, line in declared_in_tariff(path.read_text(errors="replace")):
            if name not in public and name not in PENDING.get(relative, ()):
                yield (f"{relative}:{line}: '{name}' is declared in namespace tariff, but the public "
                       f"headers do not declare it: it belongs in its stage's namespace")


def namespace_problems(root):
    taken = public_names(root / "include" / "tariff")
    yield from internals_in_tariff(root, taken)
    for folder in sorted(p for p in (root / "src").iterdir() if p.is_dir()):
        stage = folder.name + "_stage" if folder.name in taken else folder.name
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h"):
                continue
            for line, name in namespaces(path.read_text(errors="replace")):
                named = [n for n in name if n is not None]
                if not named:
                    continue  # anonymous
                if named == ["tariff"] or named[:2] == ["tariff", stage]:
                    continue
                why = (f"src/{folder.name} lives in tariff::{stage}"
                       + (f" ('{folder.name}' is a public name in namespace tariff)" if stage != folder.name else ""))
                yield f"{path.relative_to(root)}:{line}: namespace {'::'.join(n or '(anonymous)' for n in name)}: {why}"


def suites(doc):
    text = doc.read_text()
    section = text.split("\n## Testing conventions\n", 1)
    if len(section) != 2:
        sys.exit(f"{doc}: no '## Testing conventions' section")
    listed = set()
    for line in section[1].split("\n## ", 1)[0].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and line.lstrip().startswith("|"):
            listed.update(re.findall(r"`tests/([a-z_]+)`", cells[0]))
    return listed


def test_folder_problems(root):
    stages = {p.name for p in (root / "src").iterdir() if p.is_dir()}
    listed = suites(root / "docs" / "architecture.md")
    folders = {p.name for p in (root / "tests").iterdir() if p.is_dir()}
    for name in sorted(folders - stages - listed):
        yield (f"tests/{name}: neither a folder of src/ (unit tests mirror src/) nor a whole-library "
               f"suite listed in docs/architecture.md's Testing conventions")
    for name in sorted(listed - folders):
        yield f"tests/{name}: listed as a whole-library suite, but there is no such folder"


def main():
    root = pathlib.Path(sys.argv[1])
    problems = list(namespace_problems(root)) + list(test_folder_problems(root))
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

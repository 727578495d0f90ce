"""Every citation of the design in the repository resolves to docs/design.md, and nothing cites a
design or domain document outside the repository.

The design record is docs/design.md (its "Citing this page" section gives the forms). This test
reads every text file of the repository — tracked or new, not ignored; a file with a NUL byte is
binary and skipped, as `grep -I` skips it (a fuzz corpus entry may hold any bytes) — and checks:

- every "design decision N" and "decision N" (also "decisions 4 and 9") names a decision that
  docs/design.md has as a heading `### Decision N: ...`;
- every "docs/design.md, scenario N" and "Scenario N of docs/design.md" (N may be 7a) names a
  scenario it has (`### Scenario N: ...`; 7a, 7b, 7c as parts of scenario 7);
- every section cited by its title in quotes, `docs/design.md, "Time"`, is a heading of it, and
  every link `design.md#anchor` names one of its headings;
- a quotation after such a citation (`docs/design.md, scenario 3: "A POS-equipment ..."`) is in
  the cited section, word for word (line breaks, comment markers and `*` aside; `...` or `…`
  stand for omitted words);
- no file names a domain.md, a design.md that is not docs/design.md (relative to the file or to
  the root), or the shared folder outside the repository.

Run with pytest (CTest `design_citations`) or as a script: `/usr/bin/python3 THIS_FILE`.
"""
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DESIGN = ROOT / "docs" / "design.md"
SELF = pathlib.Path(__file__).resolve()

# Words of a citation may be split over lines, with a comment marker at the start of the next.
SEP = r"(?:[ \t]*\n[ \t]*(?://+|#+|\*|>|;+|--)?)?[ \t]*"
NUM = r"\d+[a-z]?"
LIST = rf"{NUM}(?:{SEP}(?:,|and|or|–|-){SEP}{NUM})*"


def repository_files():
    """Tracked and untracked-but-not-ignored files, or every file outside build trees."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, check=True).stdout
        names = sorted({n for n in out.decode("utf-8", "surrogateescape").split("\0") if n})
        return [ROOT / n for n in names]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for d, dirs, fs in os.walk(ROOT):
            dirs[:] = [x for x in dirs if x != ".git" and not x.startswith("build")
                       and x != "__pycache__"]
            files += [pathlib.Path(d) / f for f in fs]
        return sorted(files)


def read_text(path):
    """The file's text (bytes that are not UTF-8 read as U+FFFD), or None for a binary file (one
    with a NUL byte), a link or a file that is gone."""
    if path.is_symlink() or not path.is_file():
        return None
    data = path.read_bytes()
    if b"\0" in data:
        return None
    return data.decode("utf-8", errors="replace")


def anchor(title):
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    title = re.sub(r"[`*_]", "", title.strip().lower())
    title = re.sub(r"[^\w\- ]", "", title)
    return title.replace(" ", "-")


class Design:
    """The headings of docs/design.md and the text of each section."""

    def __init__(self, text):
        self.text = text
        self.decisions, self.scenarios, self.titles, self.anchors = {}, {}, {}, set()
        lines = text.split("\n")
        heads = []
        fenced = False
        for i, line in enumerate(lines):
            if line.startswith("```"):
                fenced = not fenced
            m = None if fenced else re.match(r"(#{1,6}) (.+)$", line)
            if m:
                heads.append((i, len(m.group(1)), m.group(2).strip()))
        for k, (i, level, title) in enumerate(heads):
            end = next((j for j, lv, _ in heads[k + 1:] if lv <= level), len(lines))
            body = "\n".join(lines[i:end])
            self.titles[title] = body
            self.anchors.add(anchor(title))
            m = re.match(r"Decision (\d+):", title)
            if m:
                self.decisions[m.group(1)] = body
            m = re.match(r"Scenario (\d+):", title)
            if m:
                self.scenarios[m.group(1)] = body
                for part in re.findall(rf"\*\*({m.group(1)}[a-z]),", body):
                    self.scenarios[part] = body


def numbers(listing):
    return re.findall(NUM, listing)


def normalise(text):
    text = re.sub(r"^[ \t]*(?://+|#+|>)[ \t]?", "", text, flags=re.M)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def quotation(text, start):
    """The quotation that opens at text[start] == '"': up to its closing quote, across comment
    lines, with an inner ("...") quotation kept inside. None if it does not close within 12 lines."""
    i, depth = start + 1, 0
    limit = text.find("\n", start)
    for _ in range(11):
        if limit < 0:
            break
        nxt = text.find("\n", limit + 1)
        limit = nxt
    end = len(text) if limit < 0 else limit
    while i < end:
        c = text[i]
        if c == '"':
            if text[i - 1] == "(":
                depth += 1
            elif depth:
                depth -= 1
            else:
                return text[start + 1:i]
        i += 1
    return None


def check_quote(quote, section):
    """The fragments of `quote` (between ellipses) that `section` does not contain."""
    body = normalise(section)
    missing = []
    for fragment in re.split(r"\s*(?:…|\.\.\.)\s*", normalise(quote)):
        fragment = fragment.strip(" .,;:")
        if len(re.findall(r"\w", fragment)) < 3:
            continue
        if fragment not in body:
            missing.append(fragment)
    return missing


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def problems_in(rel, text, design):
    out = []

    def report(pos, message):
        out.append(f"{rel}:{line_of(text, pos)}: {message}")

    def quoted_after(m, section, what):
        q = re.match(rf"{SEP}:{SEP}\"", text[m.end():])
        if not q or section is None:
            return
        start = m.end() + q.end() - 1
        quote = quotation(text, start)
        if quote is None:
            report(start, f"the quotation after {what} does not close")
            return
        for fragment in check_quote(quote, section):
            report(start, f'{what} does not say "{fragment}"')

    # Decisions: "design decision 9", "docs/design.md, decision 9", "decisions 4 and 9".
    for m in re.finditer(rf"(?i)\bdecisions?{SEP}({LIST})\b", text):
        for n in numbers(m.group(1)):
            if n not in design.decisions:
                report(m.start(), f"decision {n} is not in docs/design.md "
                                  f"(it has {', '.join(sorted(design.decisions, key=int))})")
        listed = numbers(m.group(1))
        if len(listed) == 1 and listed[0] in design.decisions:
            quoted_after(m, design.decisions[listed[0]], f"decision {listed[0]} of docs/design.md")
    # Legacy "design §9".
    for m in re.finditer(r"\bdesign(?:\.md)?,? §(\d+)", text):
        report(m.start(), f"write 'design decision {m.group(1)}' (docs/design.md) for "
                          f"'{m.group(0)}'")
    # Scenarios: "docs/design.md, scenario 3", "docs/design.md (scenarios 2, 3)",
    # "Scenario 3 of docs/design.md".
    cites = [(m, m.group(1)) for m in re.finditer(
        rf"design\.md[,:]?{SEP}\(?{SEP}scenarios?{SEP}({LIST})", text)]
    cites += [(m, m.group(1)) for m in re.finditer(
        rf"(?i)\bscenarios?{SEP}({LIST}){SEP}of{SEP}(?:the{SEP})?(?:docs/)?design\.md", text)]
    for m, listing in cites:
        for n in numbers(listing):
            if n not in design.scenarios:
                report(m.start(), f"scenario {n} is not in docs/design.md")
        listed = numbers(listing)
        if len(listed) == 1 and listed[0] in design.scenarios:
            quoted_after(m, design.scenarios[listed[0]], f"scenario {listed[0]} of docs/design.md")
    # Sections by title: docs/design.md, "Time".
    for m in re.finditer(rf"design\.md,{SEP}\"([^\"\n]+)\"", text):
        title = m.group(1)
        if title not in design.titles:
            report(m.start(), f'docs/design.md has no section "{title}"')
        else:
            quoted_after(m, design.titles[title], f'"{title}" of docs/design.md')
    # Links into it.
    for m in re.finditer(r"design\.md#([\w\-]+)", text):
        if m.group(1) not in design.anchors:
            report(m.start(), f"docs/design.md has no heading with the anchor #{m.group(1)}")
    # Documents outside the repository.
    for m in re.finditer(r"domain\.md", text):
        report(m.start(), "cites domain.md, which is not in the repository: cite docs/design.md")
    for m in re.finditer(r"(?:\.\./|/work/|\b)shared/(?:domain|design|seeds|testdata|hooks)\b"
                         r"|\.\./shared/|/work/shared\b", text):
        report(m.start(), f"cites '{m.group(0)}', outside the repository")
    here = (ROOT / rel).parent
    for m in re.finditer(r"[\w./\-]*design\.md", text):
        path = m.group(0).lstrip("(").lstrip("[")
        if path.startswith("/"):
            ok = pathlib.Path(path) == DESIGN
        else:
            ok = DESIGN in {(here / path).resolve(), (ROOT / path).resolve()}
        if not ok:
            report(m.start(), f"cites '{path}', which is not docs/design.md "
                              "(from this file or from the root)")
    return out


def all_problems():
    design_text = DESIGN.read_text(encoding="utf-8")
    design = Design(design_text)
    problems = []
    if not design.decisions or not design.scenarios:
        problems.append("docs/design.md: no '### Decision N:' or '### Scenario N:' headings")
    for path in repository_files():
        if path.resolve() == SELF:
            continue
        text = read_text(path)
        if text is None:
            continue
        problems += problems_in(path.relative_to(ROOT).as_posix(), text, design)
    return problems


def test_every_design_citation_resolves_and_nothing_cites_outside_the_repository():
    problems = all_problems()
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_the_checks_catch_what_they_are_for():
    """The checks on small texts, so that a broken pattern cannot make the test pass vacuously."""
    design = Design(DESIGN.read_text(encoding="utf-8"))
    good = [
        "// design decision 9: the state",
        "# docs/design.md, scenario 3: \"A POS-equipment service centre charges restaurants a\n"
        "# monthly fee that covers three engineer visits\"",
        "// see docs/design.md, \"Time\", and docs/design.md (scenarios 2, 3, 7a)",
        "[decision 1](docs/design.md#decision-1-which-day-which-period)",
        "# Scenario 11 of docs/design.md: paid repairs",
    ]
    for text in good:
        assert problems_in("README.md", text, design) == [], text
    bad = {
        "// design decision 99": "decision 99",
        "// docs/design.md, scenario 13": "scenario 13",
        "// docs/design.md, scenario 7d": "scenario 7d",
        "// see docs/design.md, \"Tiem\"": "no section",
        "[x](docs/design.md#decision-99)": "anchor",
        "# docs/design.md, scenario 3: \"A POS-equipment service centre bills hourly\"":
            "does not say",
        "// as domain.md says": "domain.md",
        "// see ../shared/notes.txt": "outside the repository",
        "// design.md, Pricing semantics 1": "not docs/design.md",
        "// design §9": "design decision 9",
    }
    for text, expected in bad.items():
        found = problems_in("tests/x.cpp", text, design)
        assert any(expected in p for p in found), (text, found)


if __name__ == "__main__":
    found = all_problems()
    for p in found:
        print(p)
    print(f"{len(found)} problem(s)" if found else "docs/design.md: every citation resolves")
    sys.exit(1 if found else 0)

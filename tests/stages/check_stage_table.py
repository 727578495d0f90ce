"""docs/architecture.md's table of stages against the edges the build enforces.

Usage: check_stage_table.py SOURCE_DIR STAGE_EDGES_TXT

The build writes one line per stage, "NAME: public A B | private C D" (src/CMakeLists.txt). The
table under "## Stages" has a row per stage: | `NAME` | folder | `A`, `B` | `C`, `D` | what it does |
with "—" for none. Both must list the same stages with the same edges. Sources must not escape
their stage's view with a relative include ("../"), which the include path cannot stop.
"""
import pathlib
import re
import sys


def names(cell):
    return set(re.findall(r"`([a-z_]+)`", cell))


def build_edges(path):
    edges = {}
    for line in pathlib.Path(path).read_text().splitlines():
        if not line.strip():
            continue
        name, rest = line.split(":", 1)
        public, private = rest.split("|")
        edges[name.strip()] = (set(public.split()[1:]), set(private.split()[1:]))
    return edges


def table_edges(doc):
    text = doc.read_text()
    section = text.split("\n## Stages\n", 1)
    if len(section) != 2:
        sys.exit(f"{doc}: no '## Stages' section")
    edges = {}
    for line in section[1].split("\n## ", 1)[0].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not re.fullmatch(r"`[a-z_]+`", cells[0]):
            continue
        edges[cells[0].strip("`")] = (names(cells[2]), names(cells[3]))
    return edges


def relative_includes(src):
    for f in sorted(src.rglob("*")):
        if f.suffix in (".cpp", ".hpp", ".h"):
            for number, line in enumerate(f.read_text().splitlines(), 1):
                if re.match(r'\s*#\s*include\s*"\.\./', line):
                    yield f"{f}:{number}: a relative include escapes the stage's view"


def main():
    root, edges_file = pathlib.Path(sys.argv[1]), sys.argv[2]
    built = build_edges(edges_file)
    documented = table_edges(root / "docs" / "architecture.md")
    problems = list(relative_includes(root / "src"))
    for name in sorted(built.keys() | documented.keys()):
        if name not in documented:
            problems.append(f"stage '{name}' is built but not in docs/architecture.md's table")
        elif name not in built:
            problems.append(f"stage '{name}' is in docs/architecture.md's table but not built")
        elif built[name] != documented[name]:
            problems.append(
                f"stage '{name}': the build allows public {sorted(built[name][0])}, private "
                f"{sorted(built[name][1])}; docs/architecture.md says public "
                f"{sorted(documented[name][0])}, private {sorted(documented[name][1])}")
    for p in problems:
        print(p)
    print(f"{len(built)} stages, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

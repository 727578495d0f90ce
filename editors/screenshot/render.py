#!/usr/bin/python3
"""Draws what Neovim shows as a PNG, for docs/editors.md: the screenshots are documentation, the
tests in tests/editors are the evidence.

Neovim runs embedded with the plugins in editors/vim and editors/nvim and nothing of the user's;
this script attaches to it as a UI (the same protocol a GUI uses: ext_linegrid, RGB colours),
keeps the grid of cells the redraw events describe, and paints each cell's character in its
colours with DejaVu Sans Mono (Debian's fonts-dejavu-core, python3-pynvim, python3-pil).

    editors/screenshot/render.py                 # both images into docs/images/
    editors/screenshot/render.py --tariff build/release/src/cli/tariff

1. editor-highlighting.png: examples/tariffs/facilities.tariff as it opens.
2. editor-diagnostic.png: a copy with a misspelt window, `:make` through `:compiler tariff` (a
   real `tariff check`), its quickfix list put into vim.diagnostic, and the quickfix window open.
"""
import argparse
import os
import shutil
import tempfile
from pathlib import Path

import pynvim
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[2]
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_SIZE = 15
COLUMNS, ROWS = 104, 39


class Grid:
    """The screen as the redraw events leave it: a character and a highlight id per cell."""

    def __init__(self):
        self.width = self.height = 0
        self.cursor = (0, 0)
        self.cells = []
        self.attrs = {0: {}}
        self.default = {"foreground": 0x000000, "background": 0xFFFFFF, "special": 0xFF0000}

    def handle(self, name, args):
        if name == "default_colors_set":
            fg, bg, sp = args[:3]
            for key, value in (("foreground", fg), ("background", bg), ("special", sp)):
                if value >= 0:
                    self.default[key] = value
        elif name == "hl_attr_define":
            self.attrs[args[0]] = args[1]
        elif name == "grid_resize":
            self.width, self.height = args[1], args[2]
            self.cells = [[[" ", 0] for _ in range(self.width)] for _ in range(self.height)]
        elif name == "grid_cursor_goto":
            self.cursor = (args[1], args[2])
        elif name == "grid_clear":
            self.cells = [[[" ", 0] for _ in range(self.width)] for _ in range(self.height)]
        elif name == "grid_line":
            _, row, col, cells = args[:4]
            hl = 0
            for cell in cells:
                text = cell[0]
                if len(cell) > 1:
                    hl = cell[1]
                for _ in range(cell[2] if len(cell) > 2 else 1):
                    if col < self.width:
                        self.cells[row][col] = [text, hl]
                    col += 1
        elif name == "grid_scroll":
            _, top, bottom, left, right, rows = args[:6]
            source = [row[:] for row in self.cells]
            for row in range(top, bottom):
                if top <= row + rows < bottom:
                    self.cells[row][left:right] = source[row + rows][left:right]


def rgb(value):
    return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)


def paint(grid, path):
    fonts = {
        (False, False): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono.ttf"), FONT_SIZE),
        (True, False): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Bold.ttf"), FONT_SIZE),
        (False, True): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Oblique.ttf"), FONT_SIZE),
        (True, True): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-BoldOblique.ttf"), FONT_SIZE),
    }
    cell_w = round(fonts[(False, False)].getlength("M"))
    ascent, descent = fonts[(False, False)].getmetrics()
    cell_h = ascent + descent + 3
    image = Image.new("RGB", (grid.width * cell_w, grid.height * cell_h), rgb(grid.default["background"]))
    draw = ImageDraw.Draw(image)
    for row, cells in enumerate(grid.cells):
        for col, (text, hl) in enumerate(cells):
            attr = grid.attrs.get(hl, {})
            fg = attr.get("foreground", grid.default["foreground"])
            bg = attr.get("background", grid.default["background"])
            if bool(attr.get("reverse")) != ((row, col) == grid.cursor):  # a block cursor: reversed
                fg, bg = bg, fg
            x, y = col * cell_w, row * cell_h
            draw.rectangle([x, y, x + cell_w - 1, y + cell_h - 1], fill=rgb(bg))
            if text.strip():
                font = fonts[(bool(attr.get("bold")), bool(attr.get("italic")))]
                draw.text((x, y + 1), text, font=font, fill=rgb(fg))
            if attr.get("underline") or attr.get("undercurl"):
                sp = rgb(attr.get("special", fg))
                base = y + cell_h - 2
                if attr.get("undercurl"):
                    draw.line([(x + i, base - (i // 2) % 2) for i in range(cell_w)], fill=sp)
                else:
                    draw.line([(x, base), (x + cell_w - 1, base)], fill=sp)
    image.save(path, optimize=True)


def screen(commands, path, tariff_dir):
    """Starts Neovim, runs the commands, and paints the screen they leave."""
    plugins = f"{REPO / 'editors' / 'vim'},{REPO / 'editors' / 'nvim'}"
    os.environ["PATH"] = f"{tariff_dir}:{os.environ['PATH']}"  # the child Neovim's :make finds it
    nvim = pynvim.attach("child", argv=["/usr/bin/nvim", "--embed", "-u", "NONE", "-i", "NONE", "-n",
                                        "--cmd", f"set runtimepath^={plugins}"])
    try:
        nvim.ui_attach(COLUMNS, ROWS, rgb=True, ext_linegrid=True)
        for command in ["set termguicolors background=dark", "colorscheme default",
                        "filetype plugin on", "syntax on", "set number nowrap laststatus=2 noshowmode"] + commands:
            nvim.command(command)
        nvim.command("redraw!")
        grid = Grid()
        # Every redraw batch sent before this request's answer is queued by now; replay them.
        nvim.eval("1")
        while nvim._session._pending_messages:
            kind, name, batches = nvim.next_message()
            if kind == "notification" and name == "redraw":
                for batch in batches:
                    for args in batch[1:]:
                        grid.handle(batch[0], args)
        paint(grid, path)
    finally:
        nvim.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tariff", default=str(REPO / "build" / "release" / "src" / "cli" / "tariff"),
                        help="the tariff tool :make runs")
    parser.add_argument("--out", default=str(REPO / "docs" / "images"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tariff_dir = str(Path(args.tariff).resolve().parent)

    with tempfile.TemporaryDirectory() as work:
        example = Path(work) / "facilities.tariff"
        shutil.copy(REPO / "examples" / "tariffs" / "facilities.tariff", example)
        screen([f"cd {work}", "edit facilities.tariff"], out / "editor-highlighting.png", tariff_dir)

        broken = Path(work) / "broken.tariff"
        broken.write_text(example.read_text(encoding="utf-8").replace(
            "rule night when in night", "rule night when in nigth"), encoding="utf-8")
        screen([f"cd {work}", "edit broken.tariff", "silent make!",
                # `tariff check` gives a place, not a span: underline the word that starts there.
                "lua local d = vim.diagnostic.fromqflist(vim.fn.getqflist())"
                " for _, x in ipairs(d) do"
                " x.end_col = vim.fn.matchend(vim.fn.getline(x.lnum + 1), [[\\k*]], x.col) end"
                " vim.diagnostic.set(vim.api.nvim_create_namespace('tariff_check'), 0, d)",
                "copen 4", "wincmd p", "call cursor(25, 20)"],
               out / "editor-diagnostic.png", tariff_dir)
    print(f"wrote {out / 'editor-highlighting.png'} and {out / 'editor-diagnostic.png'}")


if __name__ == "__main__":
    main()

"""Jupyter notebooks: code cells are migrated like modules, everything else kept.

IPython magics and shell lines (``%timeit``, ``!pip install``) become placeholder
comments for the parser (a comment may stand anywhere) and are put back after; a
hapikey in them is reported as a use outside Python. A notebook is written back
in its own JSON layout (the indent, the separators, ASCII escapes or not, what
follows the last brace; keys stay in the file's order): the layout is the one in
which writing the ORIGINAL notebook back reproduces its bytes exactly, so that
only the cells' sources change. A file no layout reproduces is reported, not
rewritten.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

from hapimigrate import textscan
from hapimigrate.model import FileResult, RunOptions, Site, Status
from hapimigrate.python.module import process_source  # cells are modules

_MAGIC = re.compile(r"^\s*[%!]")
_SOURCE_KEY = re.compile(r'^\s*"source"\s*:')
_PLACEHOLDER = "# hapimigrate-magic-{}\n"


def process_notebook(path: str, data: bytes, options: RunOptions) -> FileResult:
    try:
        text = data.decode("utf-8")
        json.loads(text)["cells"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        return FileResult(path, original=data, error=f"not a notebook: {error}")
    keys: set[str] = set()
    result, notebook = _migrate(path, data, text, options, None, keys)
    if result.new is not None and options.remove_dead_keys:
        # a key definition goes when no other cell names it once migrated
        after = _names_by_cell(notebook["cells"])
        result, _ = _migrate(path, data, text, options, after, keys)
    return result


def _migrate(
    path: str,
    data: bytes,
    text: str,
    options: RunOptions,
    read_by: dict[int, set[str]] | None,
    keys: set[str],
) -> tuple[FileResult, dict]:
    """The notebook migrated cell by cell; ``read_by``: the names each cell
    reads (None: every key definition stays); ``keys``: the keys the cells'
    migrated uses read (filled on the first run, read on the second: a cell
    defining one that no other cell names loses the definition)."""
    notebook = json.loads(text)
    cells = notebook["cells"]
    starts = [
        i + 1 for i, line in enumerate(text.splitlines()) if _SOURCE_KEY.match(line)
    ]
    if len(starts) != len(cells):
        starts = [1] * len(cells)
    spread = "\n" in text.strip()  # a source's lines on lines of their own
    sites: list[Site] = []
    changed = False
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        listed = isinstance(source, list)
        lines = source if listed else source.splitlines(keepends=True)
        at = [i for i, line in enumerate(lines) if _MAGIC.match(line)]
        magics = {_PLACEHOLDER.format(i): lines[i] for i in at}
        code = "".join(
            _PLACEHOLDER.format(i) if _MAGIC.match(line) else line
            for i, line in enumerate(lines)
        )
        # cells share names: a key definition goes only when no other cell
        # names it (dead_keys keeps what is protected)
        others = set().union(*(w for n, w in (read_by or {}).items() if n != number))
        cell_options = dataclasses.replace(
            options,
            remove_dead_keys=read_by is not None,
            protected=options.protected | frozenset(others),
            dead_settings=(
                tuple((k, "") for k in sorted(keys - others))
                if read_by is not None
                else ()
            ),
        )
        result = process_source(f"{path}[{number}]", code.encode("utf-8"), cell_options)
        keys.update(label for _, label in result.provider_keys if label.isidentifier())
        if result.error:
            return (
                FileResult(path, original=data, error=f"cell {number}: {result.error}"),
                notebook,
            )
        found = list(result.sites)
        if options.scan_text and magics:
            found += textscan.text_sites(
                path, "".join(magics.values()), textscan.HASH, Status.MANUAL,
                "a shell or magic line: migrate by hand", strict=options.strict,
            )  # fmt: skip
            found[len(result.sites) :] = [
                dataclasses.replace(
                    s, line=at[s.line - 1] + 1  # the cell line of that magic
                )
                for s in found[len(result.sites) :]
            ]
        for site in found:
            line = starts[number - 1] + (site.line if listed and spread else 0)
            sites.append(
                dataclasses.replace(
                    site,
                    path=path,
                    line=line,
                    end_line=line,
                    cell=number,
                    cell_line=site.line,
                )
            )
        if result.new is not None:
            new_lines = result.new.decode("utf-8").splitlines(keepends=True)
            restored = [magics.get(line, line) for line in new_lines]
            cell["source"] = restored if listed else "".join(restored)
            changed = True
    sites.sort(key=lambda s: (s.line, s.column))
    if not changed:
        return FileResult(path, tuple(sites), original=data), notebook
    layout = layout_of(text)
    if layout is None:
        note = "the notebook's JSON is in a layout hapimigrate cannot reproduce: not rewritten"
        kept = [
            (
                dataclasses.replace(s, status=Status.MANUAL, reason=note)
                if s.status == Status.REWRITE
                else s
            )
            for s in sites
        ]
        return FileResult(path, tuple(kept), original=data), notebook
    new = layout.dump(notebook).encode("utf-8")
    return FileResult(path, tuple(sites), original=data, new=new), notebook


_WORD = re.compile(r"[A-Za-z_]\w*")


def _names_by_cell(cells: list) -> dict[int, set[str]]:
    """The words of each code cell (by number): the names it may read."""
    found = {}
    for number, cell in enumerate(cells, start=1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else str(source)
            found[number] = set(_WORD.findall(text))
    return found


@dataclass(frozen=True)
class Layout:
    """How a notebook's JSON is written: ``json.dumps``'s options, and what
    follows the last brace (nbformat: ``indent=1``, non-ASCII as is, a newline)."""

    indent: int | str | None
    separators: tuple[str, str]
    ensure_ascii: bool
    end: str

    def dump(self, notebook: dict) -> str:
        return (
            json.dumps(
                notebook,
                indent=self.indent,
                separators=self.separators,
                ensure_ascii=self.ensure_ascii,
            )
            + self.end
        )


def layout_of(text: str) -> Layout | None:
    """The layout that writes ``text``'s notebook back as ``text`` exactly."""
    body = text.rstrip(" \t\r\n")
    end = text[len(body) :]
    indents: list[int | str | None] = [None]
    if "\n" in body:
        second = body.split("\n", 2)[1]
        white = second[: len(second) - len(second.lstrip(" \t"))]
        indents = [len(white) if white.strip(" ") == "" else white]
    notebook = json.loads(text)
    for indent in indents:
        items = (",",) if indent is not None else (", ", ",")
        for separators in ((i, k) for i in items for k in (": ", ":")):
            for ensure_ascii in (False, True):
                layout = Layout(indent, separators, ensure_ascii, end)
                if layout.dump(notebook) == text:
                    return layout
    return None

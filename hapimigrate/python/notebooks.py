"""Jupyter notebooks: the code cells are migrated as the one module they are at
run time (a cell runs in the namespace the cells before it left), everything
else kept.

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

import bisect
import dataclasses
import json
import re
from dataclasses import dataclass

from hapimigrate import textscan
from hapimigrate.model import FileResult, RunOptions, Site, Status
from hapimigrate.python import notebook_outputs
from hapimigrate.python.context import PYTHON2_RUNTIME
from hapimigrate.python.module import process_source  # cells are modules

_MAGIC = re.compile(r"^\s*[%!]")
_SOURCE_KEY = re.compile(r'^\s*"source"\s*:')
_PLACEHOLDER = "# hapimigrate-magic-{}-{}\n"
_WORD = re.compile(r"[A-Za-z_]\w*")


def process_notebook(path: str, data: bytes, options: RunOptions) -> FileResult:
    try:
        text = data.decode("utf-8")
        cells = json.loads(text)["cells"]
        if not isinstance(cells, list):
            raise TypeError("cells is not a list")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        # as a .py that does not parse: its uses found in its text, unparsed
        # (exit 1, the other files migrated), not an error found after writes
        found = textscan.unparsed(path, data, f"not a notebook: {error}", options)
        if found.sites:
            return found
        return FileResult(path, original=data, error=f"not a notebook: {error}")
    return _migrate(path, data, text, options)


@dataclass(frozen=True)
class _Cell:
    """A code cell in the notebook's module: its number, the line of its
    marker there, its magic lines (placeholder -> line) and their indexes."""

    number: int
    marker_line: int
    magics: dict[str, str]
    magic_lines: tuple[int, ...]
    listed: bool
    newline_added: bool
    python: bool  # not a cell magic's body (%%writefile, %%bash: not this module)


def _joined(cells: list, marker: str) -> tuple[str, list[_Cell]]:
    """The code cells as one module, in order (a cell runs in the namespace
    the cells before it left, so one cell's definitions are another's), each
    after a marker statement ``"<marker>:N"`` (a statement, not a comment: a
    removed statement takes the comments above it along)."""
    parts: list[str] = [f'"{marker}:0"\n']  # what is added at the top goes after
    found: list[_Cell] = []
    line = 1
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        listed = isinstance(source, list)
        lines = source if listed else _lines(str(source))
        python = not (lines and lines[0].lstrip().startswith("%%"))
        at = tuple(
            i for i, text in enumerate(lines) if not python or _MAGIC.match(text)
        )
        magics = {_PLACEHOLDER.format(number, i): lines[i] for i in at}
        code = "".join(
            _PLACEHOLDER.format(number, i) if i in at else text
            for i, text in enumerate(lines)
        )
        added = bool(code) and not code.endswith("\n")
        parts.append(f'"{marker}:{number}"\n' + code + ("\n" if added else ""))
        found.append(_Cell(number, line + 1, magics, at, listed, added, python))
        line += 1 + code.count("\n") + added
    return "".join(parts), found


def _split(new: str, marker: str, cells: list[_Cell]) -> dict[int, str] | None:
    """The migrated module cut back into its cells' sources (what precedes
    the first marker, an import added at the top, goes to the first cell);
    None when a marker or a magic line went missing or moved."""
    pattern = re.compile(rf'^"{re.escape(marker)}:(\d+)"\n', re.M)
    found = list(pattern.finditer(new))
    if [int(m.group(1)) for m in found] != [0, *(c.number for c in cells)]:
        return None
    # an import added at the top: into the first cell of Python (not a cell magic)
    head = new[: found[0].start()] + new[found[0].end() : found[1].start()]
    first = next((c.number for c in cells if c.python), None)
    if head and first is None:
        return None
    found = found[1:]
    sources = {}
    for index, (cell, match) in enumerate(zip(cells, found)):
        end = found[index + 1].start() if index + 1 < len(found) else len(new)
        body = new[match.end() : end]
        if cell.number == first and head:
            # after the cell's leading magics and comments, as at a module's top
            lines = _lines(body)
            top = 0
            while top < len(lines) and (
                lines[top] in cell.magics or lines[top].lstrip().startswith("#")
            ):
                top += 1
            body = "".join(lines[:top]) + head + "".join(lines[top:])
        if cell.newline_added and body:  # (a cell whose one statement went: "")
            if not body.endswith("\n"):
                return None
            body = body[:-1]
        lines = _lines(body)
        if sorted(line for line in lines if line in cell.magics) != sorted(cell.magics):
            return None
        sources[cell.number] = "".join(cell.magics.get(line, line) for line in lines)
    return sources


def _python2_kernel(notebook: object) -> bool:
    """Whether the notebook runs on Python 2 (its kernelspec or language_info
    says so): the code written into its cells must stay valid Python 2."""
    meta = notebook.get("metadata") if isinstance(notebook, dict) else None
    if not isinstance(meta, dict):
        return False
    spec, info = meta.get("kernelspec"), meta.get("language_info")
    spec = spec if isinstance(spec, dict) else {}
    info = info if isinstance(info, dict) else {}
    if str(info.get("name", "python")).lower() != "python":
        return False
    version = str(info.get("version", ""))
    if version:
        return version.startswith("2")
    name = str(spec.get("name", "")).lower()
    return bool(re.fullmatch(r"python ?2(\.\d+)?|py(thon)?27", name)) or str(
        spec.get("display_name", "")
    ).lower().replace(" ", "").startswith("python2")


def _marker(text: str) -> str:
    """A marker the notebook's text does not hold."""
    marker, n = "hapimigrate-cell", 0
    while marker in text:
        n += 1
        marker = f"hapimigrate-cell-{n}"
    return marker


def _migrate(path: str, data: bytes, text: str, options: RunOptions) -> FileResult:
    """The notebook's code cells migrated together, as the one module they
    are at run time: a caller in a later cell, another host fetched there, a
    key defined in the first cell and read in others are all seen."""
    notebook = json.loads(text)
    cells = notebook["cells"]
    starts = [
        i + 1 for i, line in enumerate(text.splitlines()) if _SOURCE_KEY.match(line)
    ]
    if len(starts) != len(cells):
        starts = [1] * len(cells)
    spread = "\n" in text.strip()  # a source's lines on lines of their own
    marker = _marker(text)
    code, code_cells = _joined(cells, marker)
    if not code_cells:
        return FileResult(path, original=data)
    # names shell and magic lines read (!sync --key {KEY}, %env X=$KEY) stay
    magic_words = _WORD.findall(
        "".join(m for c in code_cells for m in c.magics.values())
    )
    options = dataclasses.replace(
        options, protected=options.protected | frozenset(magic_words)
    )
    python2 = PYTHON2_RUNTIME.set(_python2_kernel(notebook))
    try:
        result = process_source(f"{path}[cells]", code.encode("utf-8"), options)
    finally:
        PYTHON2_RUNTIME.reset(python2)
    if result.error:
        return FileResult(path, original=data, error=result.error)
    by_line = [c.marker_line for c in code_cells]

    def cell_of(line: int) -> _Cell:
        return code_cells[max(bisect.bisect_right(by_line, line) - 1, 0)]

    def in_cells(match: re.Match) -> str:
        cell = cell_of(int(match.group(1)))
        return f"cell {cell.number} line {int(match.group(1)) - cell.marker_line}"

    sites: list[Site] = []
    for site in result.sites:
        cell = cell_of(site.line)
        site = dataclasses.replace(
            site, reason=re.sub(r"\bline (\d+)", in_cells, site.reason)
        )
        sites.append(_placed(path, site, cell, site.line - cell.marker_line))
    if options.scan_text:
        for cell in code_cells:
            if not cell.magics:
                continue
            found = textscan.text_sites(
                path, "".join(cell.magics.values()), textscan.HASH, Status.MANUAL,
                "a shell or magic line: migrate by hand", strict=options.strict,
            )  # fmt: skip
            for site in found:
                sites.append(
                    _placed(path, site, cell, cell.magic_lines[site.line - 1] + 1)
                )
    for index, site in enumerate(sites):
        number = site.cell
        line = starts[number - 1] + (
            site.cell_line if spread and _listed(cells[number - 1]) else 0
        )
        sites[index] = dataclasses.replace(site, line=line, end_line=line)
    sites += notebook_outputs.output_sites(path, cells, starts)
    sites.sort(key=lambda s: (s.line, s.column))
    if result.new is None:
        return _whole(result, path, sites, data, None)
    sources = _split(result.new.decode("utf-8"), marker, code_cells)
    layout = layout_of(text)
    if sources is None or layout is None:
        note = (
            "the notebook's JSON is in a layout hapimigrate cannot reproduce: not rewritten"
            if layout is None
            else "the cells could not be told apart once migrated: not rewritten"
        )
        kept = [
            (
                dataclasses.replace(s, status=Status.MANUAL, reason=note)
                if s.status == Status.REWRITE
                else s
            )
            for s in sites
        ]
        return _whole(result, path, kept, data, None)
    for cell in code_cells:
        source = sources[cell.number]
        old = cells[cell.number - 1]["source"]
        if source != ("".join(old) if cell.listed else old):
            cells[cell.number - 1]["source"] = _lines(source) if cell.listed else source
    return _whole(result, path, sites, data, layout.dump(notebook).encode("utf-8"))


def _whole(
    result: FileResult, path: str, sites: list[Site], data: bytes, new: bytes | None
) -> FileResult:
    """The notebook's result: the module's, but nothing other modules import
    from it (a notebook is not imported)."""
    return dataclasses.replace(
        result,
        path=path,
        sites=tuple(sites),
        original=data,
        new=new if new != data else None,
        token_parameters=(),
        session_headers=(),
        session_factories=(),
        session_classes=(),
        class_reads=(),
        exports=(),
    )


def _lines(text: str) -> list[str]:
    """``text``'s lines, cut at newlines only (not at form feeds and the
    other breaks ``str.splitlines`` knows)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _listed(cell: dict) -> bool:
    return isinstance(cell.get("source"), list)


def _placed(path: str, site: Site, cell: _Cell, cell_line: int) -> Site:
    return dataclasses.replace(site, path=path, cell=cell.number, cell_line=cell_line)


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

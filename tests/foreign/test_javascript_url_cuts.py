"""Cutting ``hapikey=KEY`` out of URL expressions of every shape, checked by
running them: generated URLs (the key first, in the middle, last or alone;
values literal or interpolated) written as template literals, ``+`` chains of
strings with mixed quotes, and chains of templates, each sent with ``fetch``.
Node evaluates every expression before and after the migration: after, each URL
is the old one without the key parameter (the query kept well formed), and each
request carries the Bearer token."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402

NODE = shutil.which("node")
KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
TOKEN = "pat-na1-token"
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def _segments(rng: random.Random) -> list[tuple[str, str]]:
    """("lit", text) and ("hole", name) pieces of one URL."""
    count = rng.randint(0, 3)
    names = [f"p{i}" for i in range(count)]
    names.insert(rng.randint(0, count), "hapikey")
    pieces = [
        ("lit", "https://api.hubapi.com/contacts/v1/lists/" + rng.choice(["all", "x"]))
    ]
    for index, name in enumerate(names):
        pieces.append(("lit", ("?" if index == 0 else "&") + name + "="))
        if name == "hapikey":
            pieces.append(("hole", "KEY"))
        elif rng.random() < 0.5:
            pieces.append(("hole", f"v{index}"))
        else:
            pieces.append(("lit", f"val{index}"))
    # literal runs split at random places, as code splits them
    out: list[tuple[str, str]] = []
    for kind, value in pieces:
        if kind == "lit" and out and out[-1][0] == "lit" and rng.random() < 0.6:
            out[-1] = ("lit", out[-1][1] + value)
        else:
            out.append((kind, value))
    return out


def _render(pieces: list[tuple[str, str]], rng: random.Random) -> str:
    style = rng.choice(["template", "chain", "templates"])
    if style == "template":
        return (
            "`" + "".join(v if k == "lit" else "${" + v + "}" for k, v in pieces) + "`"
        )
    if style == "chain":
        parts = []
        for kind, value in pieces:
            quote = rng.choice("'\"")
            parts.append(quote + value + quote if kind == "lit" else value)
        return " + ".join(parts)
    operands, current = [], []
    for piece in pieces:
        current.append(piece)
        if rng.random() < 0.4:
            operands.append(current)
            current = []
    if current:
        operands.append(current)
    rendered = []
    for group in operands:
        if len(group) == 1 and group[0][0] == "hole" and rng.random() < 0.5:
            rendered.append(group[0][1])
        else:
            rendered.append(
                "`"
                + "".join(v if k == "lit" else "${" + v + "}" for k, v in group)
                + "`"
            )
    return " + ".join(rendered)


def _program(expressions: list[str]) -> str:
    lines = [
        "const sent = [];",
        "globalThis.fetch = (url, options) => sent.push([String(url), options && options.headers && options.headers.Authorization || null]);",
        "const KEY = process.env.HAPIKEY;",
    ]
    lines += [f"const v{i} = 'w{i}';" for i in range(4)]
    lines += [f"fetch({e});" for e in expressions]
    lines.append("console.log(JSON.stringify(sent));")
    return "\n".join(lines) + "\n"


def _run(folder, program: str) -> list:
    path = os.path.join(folder, "urls.js")
    with open(path, "w") as handle:
        handle.write(program)
    done = subprocess.run(
        [NODE, path],
        env={
            "PATH": os.environ.get("PATH", ""),
            "HAPIKEY": KEY,
            "HUBSPOT_ACCESS_TOKEN": TOKEN,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _without_key(url: str) -> str:
    url = re.sub(r"\?hapikey=[^&#]*&", "?", url)
    url = re.sub(r"\?hapikey=[^&#]*$", "", url)
    return re.sub(r"&hapikey=[^&#]*", "", url)


def test_every_shape_loses_exactly_the_key(tmp_path):
    rng = random.Random(16)
    expressions = [_render(_segments(rng), rng) for _ in range(200)]
    program = _program(expressions)
    result = javascript.process(
        "urls.js", program.encode(), RunOptions(providers.resolve(None))
    )
    assert len(result.sites) == 200
    assert {s.status for s in result.sites} == {Status.REWRITE}, [
        s.reason for s in result.sites if s.status != Status.REWRITE
    ]
    before = _run(str(tmp_path), program)
    after = _run(str(tmp_path), result.new.decode())
    assert [url for url, _ in before if KEY in url] == [url for url, _ in before]
    assert [url for url, _ in after] == [_without_key(url) for url, _ in before]
    assert {auth for _, auth in after} == {f"Bearer {TOKEN}"}

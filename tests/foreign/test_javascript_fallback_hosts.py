"""A base URL with a fallback (``process.env.MIRROR || "https://mirror..."``,
``??``, a ternary) may be either value: when one is another host's URL, the
token would go there, so the site stays manual naming that host; a fallback to
HubSpot's own host migrates as a base known at run time did before."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402

KEY = "const KEY = process.env.HUBSPOT_API_KEY;\n"
SEND = (
    "async function owners() {\n"
    "  return fetch(`${base}/owners/v2/owners?hapikey=${KEY}`);\n"
    "}\n"
)


def _sites(base: str):
    source = KEY + f"const base = {base};\n" + SEND
    result = javascript.process(
        "worker.js", source.encode(), RunOptions(providers.resolve(None))
    )
    assert result.error is None
    return result, [s for s in result.sites if s.kind.value in ("url", "params")]


@pytest.mark.parametrize(
    "base",
    [
        'process.env.MIRROR || "https://mirror.example.com"',
        'process.env.MIRROR ?? "https://mirror.example.com"',
        'process.env.SANDBOX ? "https://mirror.example.com" : "https://api.hubapi.com"',
    ],
)
def test_a_fallback_to_another_host_stays_manual(base):
    result, (site,) = _sites(base)
    assert site.status == Status.MANUAL and "mirror.example.com" in site.reason
    assert result.new is None


def test_a_fallback_to_hubspots_host_still_migrates():
    result, (site,) = _sites('process.env.HUBSPOT_BASE || "https://api.hubapi.com"')
    assert site.status == Status.REWRITE
    assert b"hapikey" not in result.new and b"Bearer" in result.new


def _process(source: str):
    result = javascript.process(
        "worker.js", (KEY + source).encode(), RunOptions(providers.resolve(None))
    )
    assert result.error is None
    return result, [s for s in result.sites if s.kind.value in ("url", "params")]


@pytest.mark.parametrize(
    "source",
    [  # a let given another host in a branch
        'let BASE = "https://api.hubapi.com";\n'
        'if (process.env.MIRROR) { BASE = "https://mirror.example.com"; }\n'
        "const owners = () => fetch(`${BASE}/owners/v2/owners?hapikey=${KEY}`);\n",
        # a table of hosts, one not HubSpot's, looked up at run time
        'const HOSTS = { prod: "https://api.hubapi.com", test: "https://mirror.example.com" };\n'
        "const owners = (env) => fetch(`${HOSTS[env]}/owners/v2/owners?hapikey=${KEY}`);\n",
    ],
    ids=["let rebound", "table lookup"],
)
def test_a_host_chosen_among_written_ones_stays_manual(source):
    result, (site,) = _process(source)
    assert site.status == Status.MANUAL and "mirror.example.com" in site.reason
    assert result.new is None


def test_a_table_of_hubspot_hosts_still_migrates():
    result, (site,) = _process(
        'const HOSTS = { na: "https://api.hubapi.com", eu: "https://api-eu1.hubapi.com" };\n'
        "const owners = (r) => fetch(`${HOSTS[r]}/owners/v2/owners?hapikey=${KEY}`);\n"
    )
    assert site.status == Status.REWRITE and b"Bearer" in result.new


@pytest.mark.parametrize(
    "source",
    [  # a helper whose callers give the base: one gives a mirror
        "function get(base) { return fetch(base + '/deals/v1/deal/paged?hapikey=' + KEY); }\n"
        "get('https://mirror.example.com');\nget('https://api.hubapi.com');\n",
        # a client whose base its constructor takes: one instance is a mirror's
        "class Client {\n  constructor(base = 'https://api.hubapi.com') { this.base = base; }\n"
        "  owners() { return fetch(`${this.base}/owners/v2/owners?hapikey=${KEY}`); }\n}\n"
        "new Client('https://mirror.example.com').owners();\n",
    ],
    ids=["a parameter", "this.base"],
)
def test_a_host_its_callers_give_stays_manual(source):
    result, (site,) = _process(source)
    assert site.status == Status.MANUAL and "which its callers give" in site.reason
    assert result.new is None

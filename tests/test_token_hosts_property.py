"""Property: the token never reaches a host that is not HubSpot's.

A strategy composes small legacy modules that mix HubSpot requests (the portal key
sent as ``hapikey`` in URLs, in ``params=`` mappings, through sessions, helpers and a
caller's parameter) with requests to other hosts (Slack, example.com), through shared
request helpers or directly, in random order. Each module defines ``main()``, which
makes every request once.

The original runs with ``HUBSPOT_API_KEY=key-main``; the migrated module runs with
``HUBSPOT_ACCESS_TOKEN=tok-main`` and without the key (unless a site was left for a
person: then the key stays). Both runs go through the real ``requests`` with
``HTTPAdapter.send`` replaced by a recorder, and every request is compared:

- same number, same order (method, host, path);
- a request to another host is identical before and after, and never holds the token;
- a HubSpot request either carries ``Authorization: Bearer tok-main``, no ``hapikey``,
  no key, and otherwise the same query (as a multiset), path, headers and body; or is
  byte-identical to before, and then some site was reported ``manual``.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import requests.adapters
from hypothesis import HealthCheck, given, settings
from hypothesis import note as hypothesis_note
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st

from tests.conftest import migrate

KEY_MAIN = "key-main"
KEY_B = "key-b"
TOKEN = "tok-main"
KEY_VARIABLES = {"HUBSPOT_API_KEY": KEY_MAIN, "HUBSPOT_PORTAL_B_API_KEY": KEY_B}
TOKEN_VARIABLE = "HUBSPOT_ACCESS_TOKEN"
HUBSPOT_HOST = "api.hubapi.com"


def note(text: str) -> None:
    if currently_in_test_context():
        hypothesis_note(text)


# --------------------------------------------------------------------------------------
# Running a module and recording what it sends


@dataclass(frozen=True)
class Sent:
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]  # lower-cased names, sorted
    body: bytes | None

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def is_hubspot(self) -> bool:
        return self.host == HUBSPOT_HOST

    @property
    def route(self) -> tuple[str, str, str, str]:
        parts = urlsplit(self.url)
        return (self.method, parts.scheme, parts.netloc, parts.path)

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.url).query, keep_blank_values=True)

    def header(self, name: str) -> str | None:
        return dict(self.headers).get(name.lower())

    def text(self) -> str:
        """Everything the request holds, for "does the token appear anywhere"."""
        body = self.body.decode("latin-1") if self.body else ""
        return "\n".join([self.url, repr(self.headers), body])

    def show(self) -> str:
        extra = {k: v for k, v in self.headers if k in ("authorization", "x-api-key")}
        body = f" body={self.body!r}" if self.body else ""
        return f"{self.method} {self.url} {extra}{body}"


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Exactly these HubSpot variables set (others of ours removed); restored after."""
    saved = dict(os.environ)
    try:
        for name in [*KEY_VARIABLES, TOKEN_VARIABLE]:
            os.environ.pop(name, None)
        os.environ["NETRC"] = os.devnull  # no ~/.netrc credentials added by requests
        os.environ.update(values)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_module(source: str, env: dict[str, str]) -> list[Sent]:
    """Exec ``source`` in a fresh namespace, call ``main()``; every request it sends."""
    sent: list[Sent] = []

    def send(adapter, request, **kwargs):
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        sent.append(
            Sent(
                request.method,
                request.url,
                tuple(sorted((k.lower(), v) for k, v in request.headers.items())),
                body,
            )
        )
        response = requests.Response()
        response.status_code = 200
        response._content = b"{}"
        response.headers["Content-Type"] = "application/json"
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        response.connection = adapter
        return response

    code = compile(source, "<generated>", "exec")
    namespace = {"__name__": "generated_module", "__builtins__": builtins}
    with (
        environment(env),
        mock.patch.object(requests.adapters.HTTPAdapter, "send", send),
    ):
        exec(code, namespace)
        namespace["main"]()
    return sent


# --------------------------------------------------------------------------------------
# The property


def check_program(source: str) -> None:
    result = migrate(source)
    assert result.error is None, result.error
    statuses = [site.status.value for site in result.sites]
    reasons = [(s.status.value, s.line, s.reason) for s in result.sites]
    note(f"sites: {reasons}")
    assert "unparsed" not in statuses, reasons
    manual = "manual" in statuses
    new_source = result.new.decode() if result.new is not None else source
    if result.new is not None:
        note(f"migrated:\n{new_source}")
    compile(new_source, "<migrated>", "exec")

    before = run_module(source, dict(KEY_VARIABLES))
    after_env = {TOKEN_VARIABLE: TOKEN}
    if manual:
        after_env.update(KEY_VARIABLES)
    try:
        after = run_module(new_source, after_env)
    except Exception as error:  # the migrated program must still run
        try:  # what it would send if the keys were still configured
            with_keys = run_module(new_source, {**after_env, **KEY_VARIABLES})
            shown = "\n".join(s.show() for s in with_keys)
        except Exception as again:
            shown = repr(again)
        raise AssertionError(
            f"migrated module fails: {error!r}\nsites: {reasons}\n"
            f"--- original sends\n" + "\n".join(s.show() for s in before) + "\n"
            f"--- migrated sends, with the keys configured\n{shown}\n"
            f"--- migrated module\n{new_source}"
        ) from error

    def describe() -> str:
        return (
            f"sites: {reasons}\n--- original sends\n"
            + "\n".join(s.show() for s in before)
            + "\n--- migrated sends\n"
            + "\n".join(s.show() for s in after)
            + f"\n--- migrated module\n{new_source}"
        )

    # the generator's own promise: every HubSpot request carries a key
    for sent in before:
        if sent.is_hubspot:
            keys = [v for k, v in sent.query if k == "hapikey"]
            assert len(keys) == 1 and keys[0] in (KEY_MAIN, KEY_B), sent.show()

    assert [s.route for s in after] == [s.route for s in before], describe()

    for old, new in zip(before, after):
        if not new.is_hubspot:
            assert TOKEN not in new.text(), "token sent to another host\n" + describe()
            assert new == old, "request to another host changed\n" + describe()
            continue
        if new == old:
            assert manual, (
                "HubSpot request left unchanged, no site manual\n" + describe()
            )
            continue
        assert new.header("Authorization") == f"Bearer {TOKEN}", describe()
        assert all(k != "hapikey" for k, _ in new.query), describe()
        assert KEY_MAIN not in new.text() and KEY_B not in new.text(), describe()
        assert Counter(new.query) == Counter(
            (k, v) for k, v in old.query if k != "hapikey"
        ), describe()
        assert [h for h in new.headers if h[0] != "authorization"] == [
            h for h in old.headers if h[0] != "authorization"
        ], describe()
        assert old.header("Authorization") is None, describe()
        assert new.body == old.body, describe()


# --------------------------------------------------------------------------------------
# The generator


@dataclass(frozen=True)
class Channel:
    """How a site sends: directly with requests, or through a helper of the module."""

    name: str
    methods: tuple[str, ...]
    kwargs: bool  # takes params= / headers=


CHANNELS = {
    "direct": Channel("direct", ("get", "post"), True),
    "fetch": Channel("fetch", ("get",), True),  # def fetch(url, **kw)
    "fetch_url": Channel("fetch_url", ("get",), False),  # def fetch_url(url)
    "get_json": Channel("get_json", ("get",), True),  # explicit params/headers
    "post_json": Channel("post_json", ("post",), False),
    "session": Channel("session", ("get", "post"), True),
    "client": Channel("client", ("get", "post"), True),
}
HELPERS = ["fetch", "fetch_url", "get_json", "post_json", "session", "client"]

HELPER_SOURCE = {
    "fetch": "def fetch(url, **kw):\n    return requests.get(url, **kw)\n",
    "fetch_url": "def fetch_url(url):\n    return requests.get(url)\n",
    "get_json": (
        "def get_json(url, params=None, headers=None):\n"
        "    return requests.get(url, params=params, headers=headers, timeout=10)\n"
    ),
    "post_json": (
        "def post_json(url, body):\n    return requests.post(url, json=body)\n"
    ),
}

HUBSPOT_PATHS = {
    "get": [
        "/contacts/v1/lists/all/contacts/all",
        "/deals/v1/deal/paged",
        "/owners/v2/owners",
        "/crm/v3/objects/companies",
    ],
    "post": ["/contacts/v1/contact", "/crm/v3/objects/deals/search"],
}
OTHER_TARGETS = [
    ("https://hooks.slack.com", "/services/T000/B000/XXXX"),
    ("https://example.com", "/api/items"),
    ("https://example.com", "/api/v2/orders"),
]
HUBSPOT_QUERY = [("count", "10"), ("property", "email"), ("offset", "0")]
OTHER_QUERY = [("page", "2"), ("api_key", "ex-123"), ("limit", "5")]
HUBSPOT_PARAMS = [('"limit"', "10"), ('"archived"', '"false"')]
OTHER_PARAMS = [('"page"', "2"), ('"api_key"', '"ex-123"'), ('"q"', '"shoes"')]
HEADERS = [
    '{"Accept": "application/json"}',
    '{"X-Api-Key": "ex-123"}',
    '{"Content-Type": "application/json", "X-Trace": "1"}',
]
BODIES = ['{"text": "deploy done"}', '{"properties": {"email": "a@example.com"}}']
STYLES = ["plus", "fstring", "percent", "format", "format_named"]
FORMAT_NAMES = {
    "@KEY@": "key",
    "HUBSPOT_BASE": "base",
    "ITEM_ID": "item",
}


def render_url(parts: list[tuple[str, str]], style: str) -> str:
    """``parts``: ("lit", text) and ("expr", code) pieces, rendered in ``style``."""
    merged: list[tuple[str, str]] = []
    for kind, text in parts:
        if kind == "lit" and merged and merged[-1][0] == "lit":
            merged[-1] = ("lit", merged[-1][1] + text)
        elif text:
            merged.append((kind, text))
    exprs = [text for kind, text in merged if kind == "expr"]
    if not exprs:
        return '"' + "".join(text for _, text in merged) + '"'
    if style == "plus":
        return " + ".join(f'"{t}"' if k == "lit" else t for k, t in merged)
    if style == "fstring":
        return (
            'f"' + "".join(t if k == "lit" else "{" + t + "}" for k, t in merged) + '"'
        )
    if style == "percent":
        template = "".join(t if k == "lit" else "%s" for k, t in merged)
        args = exprs[0] if len(exprs) == 1 else "(" + ", ".join(exprs) + ")"
        return f'"{template}" % {args}'
    if style == "format":
        template = "".join(t if k == "lit" else "{}" for k, t in merged)
        return f'"{template}".format({", ".join(exprs)})'
    names = {e: FORMAT_NAMES[e] for e in exprs}
    assert len(set(names.values())) == len(names), names
    template = "".join(t if k == "lit" else "{" + names[t] + "}" for k, t in merged)
    args = ", ".join(f"{names[e]}={e}" for e in exprs)
    return f'"{template}".format({args})'


def query_parts(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``?a=1&hapikey=`` + KEY ...: a value starting with "=" is an expression."""
    parts: list[tuple[str, str]] = []
    for index, (name, value) in enumerate(items):
        parts.append(("lit", ("?" if index == 0 else "&") + name + "="))
        if value.startswith("="):
            parts.append(("expr", value[1:]))
        else:
            parts.append(("lit", value))
    return parts


@dataclass
class SiteSpec:
    """One request the program makes, and how its code is written."""

    hubspot: bool
    channel: str
    method: str
    url_expr: str  # with @KEY@ standing for the key's expression
    kwargs: list[str]  # may hold @KEY@
    body: str | None
    wrapper: str  # inline, func, func_key
    key_name: str  # KEY or KEY_B: what the caller passes (func_key) or names
    via_var: bool
    uses_key: bool = False  # the key is written at the site (not a session's)


@dataclass
class Program:
    helpers: list[str]
    session_key: str | None  # "assign", "assign_extra", "item", "update" or None
    client_keyed: bool
    second_key: bool
    base_const: bool
    item_const: bool
    sites: list[SiteSpec] = field(default_factory=list)

    def keyed_channels(self) -> set[str]:
        keyed = set()
        if "session" in self.helpers and self.session_key:
            keyed.add("session")
        if "client" in self.helpers and self.client_keyed:
            keyed.add("client")
        return keyed


def takes_kwargs(channel: str, method: str) -> bool:
    return CHANNELS[channel].kwargs and not (channel == "client" and method == "post")


def render_call(site: SiteSpec, url: str, key: str) -> str:
    kwargs = [k.replace("@KEY@", key) for k in site.kwargs]
    extra = "".join(", " + k for k in kwargs)
    body = site.body
    if site.channel == "direct":
        if site.method == "post":
            return f"requests.post({url}, json={body}{extra})"
        return f"requests.get({url}{extra})"
    if site.channel == "fetch":
        return f"fetch({url}{extra})"
    if site.channel == "fetch_url":
        return f"fetch_url({url})"
    if site.channel == "get_json":
        return f"get_json({url}{extra})"
    if site.channel == "post_json":
        return f"post_json({url}, {body})"
    target = "session" if site.channel == "session" else "client"
    if site.method == "post":
        if site.channel == "client":
            return f"client.post({url}, {body})"
        return f"session.post({url}, json={body}{extra})"
    return f"{target}.get({url}{extra})"


def render_program(program: Program) -> str:
    lines = ["import os", "", "import requests", ""]
    # a key is defined only where something reads it
    used = {site.key_name for site in program.sites if site.uses_key}
    if "KEY" in used or program.keyed_channels():
        lines.append('KEY = os.environ["HUBSPOT_API_KEY"]')
    if "KEY_B" in used:
        lines.append('KEY_B = os.environ["HUBSPOT_PORTAL_B_API_KEY"]')
    if program.base_const:
        lines.append('HUBSPOT_BASE = "https://api.hubapi.com"')
    if program.item_const:
        lines.append('ITEM_ID = "42"')
    lines.append("")
    for helper in program.helpers:
        if helper in HELPER_SOURCE:
            lines += ["", HELPER_SOURCE[helper]]
        elif helper == "session":
            lines += ["", "session = requests.Session()"]
            how = program.session_key
            if how == "assign":
                lines.append('session.params = {"hapikey": KEY}')
            elif how == "assign_extra":
                lines.append('session.params = {"portalId": "62515", "hapikey": KEY}')
            elif how == "item":
                lines.append('session.params["hapikey"] = KEY')
            elif how == "update":
                lines.append('session.params.update({"hapikey": KEY})')
            lines.append("")
        elif helper == "client":
            lines += ["", "class Client:"]
            if program.client_keyed:
                lines += [
                    "    def __init__(self, api_key):",
                    "        self.session = requests.Session()",
                    '        self.session.params = {"hapikey": api_key}',
                ]
            else:
                lines += [
                    "    def __init__(self):",
                    "        self.session = requests.Session()",
                    '        self.session.headers.update({"Accept": "application/json"})',
                ]
            lines += [
                "",
                "    def get(self, url, **kw):",
                "        return self.session.get(url, **kw)",
                "",
                "    def post(self, url, body):",
                "        return self.session.post(url, json=body)",
                "",
                "",
                "client = Client(KEY)" if program.client_keyed else "client = Client()",
                "",
            ]
    body: list[str] = []
    for index, site in enumerate(program.sites):
        if site.wrapper == "inline":
            key = site.key_name
            url = site.url_expr.replace("@KEY@", key)
            if site.via_var:
                body.append(f"    url_{index} = {url}")
                url = f"url_{index}"
            body.append(f"    {render_call(site, url, key)}")
            continue
        key = "api_key" if site.wrapper == "func_key" else site.key_name
        url = site.url_expr.replace("@KEY@", key)
        params = "api_key" if site.wrapper == "func_key" else ""
        lines += ["", f"def call_{index}({params}):"]
        if site.via_var:
            lines.append(f"    url = {url}")
            url = "url"
        lines += [f"    return {render_call(site, url, key)}", ""]
        args = site.key_name if site.wrapper == "func_key" else ""
        body.append(f"    call_{index}({args})")
    lines += [
        "",
        "def main():",
        *body,
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
    ]
    text = "\n".join(lines) + "\n"
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text


@st.composite
def hubspot_site(draw, program: Program, channel: str) -> SiteSpec:
    spec = CHANNELS[channel]
    method = draw(st.sampled_from(spec.methods))
    path = draw(st.sampled_from(HUBSPOT_PATHS[method]))
    keyed = channel in program.keyed_channels()
    kw = takes_kwargs(channel, method)
    forms = ["none"] if keyed else ["url", "params"] if kw else ["url"]
    form = draw(st.sampled_from(forms))
    base = ("expr", "HUBSPOT_BASE") if program.base_const else ("lit", "")
    if not program.base_const:
        path = "https://api.hubapi.com" + path
    extras = draw(
        st.lists(st.sampled_from(HUBSPOT_QUERY), max_size=2, unique_by=lambda i: i[0])
    )
    kwargs: list[str] = []
    if form == "url":
        position = draw(st.integers(0, len(extras)))
        extras.insert(position, ("hapikey", "=@KEY@"))
    elif kw and draw(st.booleans()):
        items = draw(
            st.lists(
                st.sampled_from(HUBSPOT_PARAMS), max_size=2, unique_by=lambda i: i[0]
            )
        )
        if form == "params":
            items.insert(draw(st.integers(0, len(items))), ('"hapikey"', "@KEY@"))
        if items:
            kwargs.append("params={" + ", ".join(f"{k}: {v}" for k, v in items) + "}")
    if form == "params" and not kwargs:
        kwargs.append('params={"hapikey": @KEY@}')
    if kw and draw(st.booleans()):
        kwargs.append("headers=" + draw(st.sampled_from(HEADERS)))
    style = draw(st.sampled_from(STYLES))
    parts = [base, ("lit", path), *query_parts(extras)]
    url = render_url(parts, style)
    wrappers = ["inline", "func"] + (["func_key"] if form in ("url", "params") else [])
    wrapper = draw(st.sampled_from(wrappers))
    key_name = draw(st.sampled_from(["KEY", "KEY_B"])) if program.second_key else "KEY"
    return SiteSpec(
        hubspot=True,
        channel=channel,
        method=method,
        url_expr=url,
        kwargs=kwargs,
        body=draw(st.sampled_from(BODIES)) if method == "post" else None,
        wrapper=wrapper,
        key_name=key_name,
        via_var=draw(st.booleans()),
        uses_key=form != "none",
    )


@st.composite
def other_site(draw, program: Program, channel: str) -> SiteSpec:
    spec = CHANNELS[channel]
    method = draw(st.sampled_from(spec.methods))
    host, path = draw(st.sampled_from(OTHER_TARGETS))
    parts: list[tuple[str, str]] = [("lit", host + path)]
    if program.item_const and "example" in host and draw(st.booleans()):
        parts += [("lit", "/"), ("expr", "ITEM_ID")]
    extras = draw(
        st.lists(st.sampled_from(OTHER_QUERY), max_size=2, unique_by=lambda i: i[0])
    )
    parts += query_parts(extras)
    url = render_url(parts, draw(st.sampled_from(STYLES)))
    kwargs: list[str] = []
    if takes_kwargs(channel, method):
        if draw(st.booleans()):
            items = draw(
                st.lists(
                    st.sampled_from(OTHER_PARAMS),
                    min_size=1,
                    max_size=2,
                    unique_by=lambda i: i[0],
                )
            )
            kwargs.append("params={" + ", ".join(f"{k}: {v}" for k, v in items) + "}")
        if draw(st.booleans()):
            kwargs.append("headers=" + draw(st.sampled_from(HEADERS)))
    return SiteSpec(
        hubspot=False,
        channel=channel,
        method=method,
        url_expr=url,
        kwargs=kwargs,
        body=draw(st.sampled_from(BODIES)) if method == "post" else None,
        wrapper=draw(st.sampled_from(["inline", "func"])),
        key_name="KEY",
        via_var=draw(st.booleans()),
    )


@st.composite
def programs(draw) -> str:
    helpers = draw(
        st.lists(st.sampled_from(HELPERS), min_size=1, max_size=4, unique=True)
    )
    program = Program(
        helpers=helpers,
        session_key=draw(
            st.sampled_from([None, "assign", "assign_extra", "item", "update"])
        ),
        client_keyed=draw(st.booleans()),
        second_key=draw(st.integers(0, 4)) == 0,  # a second key makes sites manual
        base_const=draw(st.booleans()),
        item_const=draw(st.booleans()),
    )
    channels = ["direct", *helpers]
    kinds = draw(st.lists(st.booleans(), max_size=4))  # True: HubSpot
    kinds = [True, False, *kinds]
    kinds = draw(st.permutations(kinds))
    for is_hubspot in kinds:
        channel = draw(st.sampled_from(channels))
        make = hubspot_site if is_hubspot else other_site
        program.sites.append(draw(make(program, channel)))
    source = render_program(program)
    note(source)
    return source


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    report_multiple_bugs=False,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(programs())
def test_token_never_reaches_other_hosts(source):
    check_program(source)


# --------------------------------------------------------------------------------------
# Shapes worth a test of their own

RISKY = {
    "shared_fetch_helper": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def fetch(url):
    return requests.get(url)


def main():
    fetch("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + KEY)
    fetch("https://hooks.slack.com/services/T000/B000/XXXX")
""",
    "keyed_session_other_host": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]

session = requests.Session()
session.params = {"hapikey": KEY}


def main():
    session.get("https://api.hubapi.com/deals/v1/deal/paged")
    session.get("https://example.com/api/items")
""",
    "keyed_client_class_other_host": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


class Client:
    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.params = {"hapikey": api_key}

    def get(self, url):
        return self.session.get(url)


def main():
    client = Client(KEY)
    client.get("https://api.hubapi.com/owners/v2/owners")
    client.get("https://hooks.slack.com/services/T000/B000/XXXX")
""",
    "key_passed_to_helper": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def get(url, key):
    return requests.get(url + "?hapikey=" + key)


def main():
    get("https://api.hubapi.com/owners/v2/owners", KEY)
    requests.post("https://hooks.slack.com/services/T000/B000/XXXX", json={"text": "x"})
""",
    "helper_appends_key_to_any_url": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def post_json(url, body):
    return requests.post(url + "?hapikey=" + KEY, json=body)


def main():
    post_json("https://api.hubapi.com/contacts/v1/contact", {"properties": []})
    post_json("https://example.com/api/orders", {"id": 1})
""",
    "client_method_named_post": """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


class Api:
    def post(self, url, body):
        return requests.post(url, json=body)


api = Api()


def main():
    api.post("https://api.hubapi.com/contacts/v1/contact?hapikey=" + KEY, {"a": 1})
    api.post("https://hooks.slack.com/services/T000/B000/XXXX", {"text": "x"})
""",
}


@pytest.mark.parametrize("name", sorted(RISKY))
def test_risky_shapes(name):
    check_program(RISKY[name])

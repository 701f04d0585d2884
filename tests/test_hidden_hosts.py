"""Hosts the host check once did not see (review 12: R5, R5b, R6, R8, R10).

The token goes to HubSpot's API hosts only. A request whose host is hidden from
the URL template (a method or function applied to a base that names another host,
the base read from a config object or a default, the base URL of the client or
the host of the connection a relative path is sent on), a request object
re-pointed after it is made, or an object whose headers are read after it got
the header, stays as it is and is reported ``manual`` naming the host or the
read. The same shapes on HubSpot's own host still migrate.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate

HEAD = (
    "import os\nimport requests\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "MIRROR = 'https://hubspot-mirror.example.com/'\n"
    "MIRROR_HOST = 'hubspot-mirror.example.com'\n"
    "BASE = 'https://api.hubapi.com'\n"
)
P = "params={'hapikey': KEY}"
MIRROR = "hubspot-mirror.example.com"

# each: the module's body after HEAD, and what the reason must name
LEFT = {
    # R5: a method or a function between the base and the request
    "rstrip": (
        f"def f():\n    return requests.get(MIRROR.rstrip('/') + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "rstrip in an f-string": (
        "def f():\n    return requests.get(f\"{MIRROR.rstrip('/')}/deals/v1/deal/paged\", "
        f"{P})\n",
        MIRROR,
    ),
    "strip of a host": (
        f"def f():\n    return requests.get('https://' + MIRROR_HOST.strip() + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "format of lower()": (
        "def f():\n    return requests.get('https://{}/owners/v2/owners'.format(MIRROR_HOST.lower()), "
        f"{P})\n",
        MIRROR,
    ),
    "format keyword of rstrip()": (
        "def f():\n    return requests.get('{b}/owners/v2/owners'.format(b=MIRROR.rstrip('/')), "
        f"{P})\n",
        MIRROR,
    ),
    "replace of the HubSpot host": (
        "def f():\n    return requests.get((BASE + '/owners/v2/owners').replace('api.hubapi.com', "
        f"MIRROR_HOST), {P})\n",
        MIRROR,
    ),
    "urlunsplit": (
        "from urllib.parse import urlunsplit\n"
        "def f():\n    return requests.get(urlunsplit(('https', MIRROR_HOST, '/owners/v2/owners', '', '')), "
        f"{P})\n",
        MIRROR,
    ),
    "_replace(netloc=)": (
        "from urllib.parse import urlsplit\n"
        "def f():\n    u = urlsplit(BASE + '/owners/v2/owners')._replace(netloc=MIRROR_HOST)\n"
        f"    return requests.get(u.geturl(), {P})\n",
        MIRROR,
    ),
    "posixpath.join": (
        "import posixpath\n"
        f"def f():\n    return requests.get(posixpath.join(MIRROR, 'owners/v2/owners'), {P})\n",
        MIRROR,
    ),
    "os.path.join of a literal": (
        "def f():\n    return requests.get(os.path.join('https://hubspot-mirror.example.com', "
        f"'owners/v2/owners'), {P})\n",
        MIRROR,
    ),
    "yarl": (
        "from yarl import URL\n"
        f"def f():\n    return requests.get(str(URL(MIRROR) / 'owners/v2/owners'), {P})\n",
        MIRROR,
    ),
    "furl": (
        "from furl import furl\n"
        f"def f():\n    return requests.get(furl(MIRROR).add(path='owners/v2/owners').url, {P})\n",
        MIRROR,
    ),
    "a helper returning the mirror's URL": (
        "def url(path):\n    return MIRROR.rstrip('/') + path\n"
        f"def f():\n    return requests.get(url('/owners/v2/owners'), {P})\n",
        MIRROR,
    ),
    "a session request through rstrip()": (
        "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        "def f():\n    return session.get(MIRROR.rstrip('/') + '/owners/v2/owners')\n",
        MIRROR,
    ),
    # R5b: the base read from a config object, a table or a default
    "a dataclass instance": (
        "from dataclasses import dataclass\n@dataclass\nclass Settings:\n"
        "    base_url: str = 'https://api.hubapi.com'\n"
        "settings = Settings(base_url=MIRROR)\n"
        f"def f():\n    return requests.get(settings.base_url + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a dataclass default": (
        "from dataclasses import dataclass\n@dataclass\nclass Settings:\n"
        "    base_url: str = MIRROR\n"
        "settings = Settings()\n"
        f"def f():\n    return requests.get(settings.base_url + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "SimpleNamespace": (
        "from types import SimpleNamespace\ncfg = SimpleNamespace(base_url=MIRROR)\n"
        f"def f():\n    return requests.get(cfg.base_url + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a dict entry": (
        "CONFIG = {'base_url': MIRROR, 'timeout': 5}\n"
        f"def f():\n    return requests.get(CONFIG['base_url'] + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "an environment default": (
        "def f():\n    return requests.get(os.environ.get('HUBSPOT_BASE', MIRROR) + "
        f"'/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a class attribute": (
        "class Cfg:\n    base_url = MIRROR\n"
        f"def f():\n    return requests.get(Cfg.base_url + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "an instance's class attribute": (
        "class Base:\n    base_url = MIRROR\nclass Cfg(Base):\n    timeout = 5\n"
        f"def f():\n    return requests.get(Cfg().base_url + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "getattr default": (
        "import settings\n"
        "def f():\n    return requests.get(getattr(settings, 'base_url', MIRROR) + "
        f"'/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "percent of a dict": (
        "CONFIG = {'base': 'https://hubspot-mirror.example.com'}\n"
        f"def f():\n    return requests.get('%(base)s/owners/v2/owners' % CONFIG, {P})\n",
        MIRROR,
    ),
    "format(**dict)": (
        "CONFIG = {'base': 'https://hubspot-mirror.example.com'}\n"
        f"def f():\n    return requests.get('{{base}}/owners/v2/owners'.format(**CONFIG), {P})\n",
        MIRROR,
    ),
    "dict.get with a HubSpot default": (
        "CONFIG = {'base': 'https://hubspot-mirror.example.com'}\n"
        "def f():\n    base = CONFIG.get('base', 'https://api.hubapi.com')\n"
        f"    return requests.get(base + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a parameter defaulting to the mirror": (
        f"def f(base=MIRROR):\n    return requests.get(f'{{base}}/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a parameter defaulting to a literal": (
        "def f(base='https://hubspot-mirror.example.com'):\n"
        f"    return requests.get(base + '/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    # R6: the client's base URL, the connection's host
    "httpx client's base URL, with": (
        "import httpx\ndef f():\n    with httpx.Client(base_url=MIRROR) as client:\n"
        f"        return client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "httpx client's literal base URL": (
        "import httpx\ndef f():\n"
        "    client = httpx.Client(base_url='https://hubspot-mirror.example.com')\n"
        "    return client.get('/owners/v2/owners?hapikey=' + KEY)\n",
        MIRROR,
    ),
    "httpx base URL through rstrip()": (
        "import httpx\ndef f():\n    client = httpx.Client(base_url=MIRROR.rstrip('/'))\n"
        f"    return client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "httpx base URL from a parameter's default": (
        "import httpx\ndef f(base=MIRROR):\n    client = httpx.Client(base_url=base)\n"
        f"    return client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a client a factory makes": (
        "import httpx\ndef make():\n    return httpx.Client(base_url=MIRROR, timeout=5)\n"
        "def f():\n    client = make()\n"
        f"    return client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "a client's own params": (
        "import httpx\nclient = httpx.Client(base_url=MIRROR)\n"
        "client.params = {'hapikey': KEY}\n"
        "def f():\n    return client.get('/owners/v2/owners')\n",
        MIRROR,
    ),
    "an async client": (
        "import httpx\nasync def f():\n"
        "    async with httpx.AsyncClient(base_url=MIRROR) as client:\n"
        f"        return await client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "aiohttp session's base URL": (
        "import aiohttp\nasync def f():\n"
        "    async with aiohttp.ClientSession(base_url=MIRROR) as session:\n"
        f"        async with session.get('/owners/v2/owners', {P}) as r:\n"
        "            return await r.json()\n",
        MIRROR,
    ),
    "aiohttp base URL given first": (
        "import aiohttp\nasync def f():\n"
        "    async with aiohttp.ClientSession(MIRROR) as session:\n"
        f"        async with session.get('/owners/v2/owners', {P}) as r:\n"
        "            return await r.json()\n",
        MIRROR,
    ),
    "a client held by the instance": (
        "import httpx\nclass Hub:\n    BASE = 'https://hubspot-mirror.example.com'\n"
        "    def __init__(self):\n        self.client = httpx.Client(base_url=self.BASE)\n"
        f"    def owners(self):\n        return self.client.get('/owners/v2/owners', {P})\n",
        MIRROR,
    ),
    "http.client connection to a literal host": (
        "import http.client\ndef f():\n"
        "    conn = http.client.HTTPSConnection('hubspot-mirror.example.com')\n"
        "    conn.request('GET', '/owners/v2/owners?hapikey=' + KEY)\n"
        "    return conn.getresponse()\n",
        MIRROR,
    ),
    "http.client connection to a named host and port": (
        "import http.client\ndef f():\n    conn = http.client.HTTPSConnection(MIRROR_HOST, 443)\n"
        "    conn.request('GET', '/owners/v2/owners?hapikey=' + KEY, headers={'Accept': 'x'})\n"
        "    return conn.getresponse()\n",
        MIRROR,
    ),
    "http.client connection to localhost": (
        "from http.client import HTTPConnection\ndef f():\n"
        "    conn = HTTPConnection('localhost', 8080)\n"
        "    conn.request('GET', '/owners/v2/owners?hapikey=' + KEY)\n"
        "    return conn.getresponse()\n",
        "localhost",
    ),
    # R8: the request object re-pointed after it is made
    "urllib Request's full_url": (
        "from urllib.request import Request, urlopen\ndef f(use_mirror):\n"
        "    req = Request('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY)\n"
        "    if use_mirror:\n        req.full_url = MIRROR + req.selector\n"
        "    return urlopen(req).read()\n",
        "req.full_url",
    ),
    "urllib Request's set_proxy": (
        "from urllib.request import Request, urlopen\ndef f():\n"
        "    req = Request('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY)\n"
        "    req.set_proxy(MIRROR_HOST, 'https')\n    return urlopen(req).read()\n",
        "req.set_proxy",
    ),
    "requests Request's url": (
        "def f(use_mirror):\n"
        f"    req = requests.Request('GET', BASE + '/owners/v2/owners', {P})\n"
        "    if use_mirror:\n        req.url = MIRROR + 'owners/v2/owners'\n"
        "    return requests.Session().send(req.prepare())\n",
        "req.url",
    ),
    "a prepared request's url": (
        "def f():\n"
        f"    prep = requests.Request('GET', BASE + '/owners/v2/owners', {P}).prepare()\n"
        "    prep.url = prep.url.replace(BASE, MIRROR)\n"
        "    return requests.Session().send(prep)\n",
        "prep.url",
    ),
    "a request prepared by the session": (
        "def f():\n    s = requests.Session()\n"
        f"    req = requests.Request('GET', BASE + '/owners/v2/owners', {P})\n"
        "    prep = s.prepare_request(req)\n    prep.url = MIRROR\n"
        "    return s.send(prep)\n",
        "prep.url",
    ),
    # R10: the headers read after they got the token
    "a session's headers given to another request": (
        "AUDIT = 'https://audit.example.com/log'\n"
        "def f():\n    s = requests.Session()\n    s.params = {'hapikey': KEY}\n"
        "    r = s.get(BASE + '/owners/v2/owners')\n"
        "    requests.post(AUDIT, headers=dict(s.headers), json={})\n    return r\n",
        "dict(s.headers)",
    ),
    "a session's headers logged": (
        "import logging\nlog = logging.getLogger('hs')\n"
        "session = requests.Session()\nsession.headers.update({'User-Agent': 'x'})\n"
        "session.params = {'hapikey': KEY}\n"
        "log.debug('headers=%s', session.headers)\n"
        "def f():\n    return session.get(BASE + '/owners/v2/owners')\n",
        "session.headers",
    ),
    "a session's headers copied": (
        "def f():\n    s = requests.Session()\n    s.params = {'hapikey': KEY}\n"
        "    saved = s.headers.copy()\n    return s.get(BASE + '/owners/v2/owners'), saved\n",
        "s.headers.copy()",
    ),
    "urllib header_items() reused": (
        "from urllib.request import Request, urlopen\nAUDIT = 'https://audit.example.com/log'\n"
        "def f():\n    req = Request(BASE + '/owners/v2/owners?hapikey=' + KEY, headers={'Accept': 'x'})\n"
        "    urlopen(req)\n"
        "    return urlopen(Request(AUDIT, data=b'{}', headers=dict(req.header_items())))\n",
        "req.header_items()",
    ),
    "a Request's headers given on": (
        "AUDIT = 'https://audit.example.com/log'\n"
        f"def f():\n    req = requests.Request('GET', BASE + '/owners/v2/owners', {P})\n"
        "    requests.post(AUDIT, headers=req.headers)\n"
        "    return requests.Session().send(req.prepare())\n",
        "req.headers",
    ),
}


@pytest.mark.parametrize("name", sorted(LEFT))
def test_a_hidden_host_or_a_later_use_leaves_the_site_for_a_person(name):
    body, named = LEFT[name]
    result = migrate(HEAD + body)
    assert result.error is None, result.error
    assert result.new is None, result.new.decode()
    assert result.sites and all(s.status == Status.MANUAL for s in result.sites)
    assert any(named in s.reason for s in result.sites), [
        s.reason for s in result.sites
    ]


# each: the module's body after HEAD, and a text the migrated module holds
MIGRATED = {
    "rstrip of HubSpot's base": (
        f"def f():\n    return requests.get(BASE.rstrip('/') + '/owners/v2/owners', {P})\n",
        "BASE.rstrip('/') + '/owners/v2/owners'",
    ),
    "a dataclass with HubSpot's default": (
        "from dataclasses import dataclass\n@dataclass\nclass Settings:\n"
        "    base_url: str = 'https://api.hubapi.com'\n    timeout: int = 5\n"
        "settings = Settings()\n"
        f"def f():\n    return requests.get(settings.base_url + '/owners/v2/owners', {P})\n",
        "settings.base_url + '/owners/v2/owners'",
    ),
    "a parameter defaulting to HubSpot": (
        f"def f(base=BASE):\n    return requests.get(f'{{base}}/owners/v2/owners', {P})\n",
        "f'{base}/owners/v2/owners'",
    ),
    "httpx client with HubSpot's base URL": (
        "import httpx\ndef f():\n"
        "    with httpx.Client(base_url='https://api.hubapi.com') as client:\n"
        f"        return client.get('/owners/v2/owners', {P})\n",
        "client.get('/owners/v2/owners'",
    ),
    "a HubSpot client's own params": (
        "import httpx\nclient = httpx.Client(base_url=BASE)\n"
        "client.params = {'hapikey': KEY}\n"
        "def f():\n    return client.get('/owners/v2/owners')\n",
        "client.get('/owners/v2/owners')",
    ),
    "an absolute HubSpot URL on a client with another base": (
        "import httpx\ndef f():\n    client = httpx.Client(base_url=MIRROR)\n"
        f"    return client.get(BASE + '/owners/v2/owners', {P})\n",
        "client.get(BASE + '/owners/v2/owners'",
    ),
    "http.client connection to HubSpot": (
        "import http.client\ndef f():\n    conn = http.client.HTTPSConnection('api.hubapi.com')\n"
        "    conn.request('GET', '/owners/v2/owners?hapikey=' + KEY)\n"
        "    return conn.getresponse()\n",
        "conn.request('GET', '/owners/v2/owners'",
    ),
    "a session's other header read and written": (
        "session = requests.Session()\nsession.params = {'hapikey': KEY}\n"
        "session.headers['User-Agent'] = 'sync/1'\n"
        "agent = session.headers.get('User-Agent')\n"
        "def f():\n    return session.get(BASE + '/owners/v2/owners')\n",
        "session.headers",
    ),
    "a Request's other header read": (
        "from urllib.request import Request, urlopen\n"
        "def f():\n    req = Request(BASE + '/owners/v2/owners?hapikey=' + KEY)\n"
        "    req.add_header('Accept', 'application/json')\n"
        "    kind = req.get_header('Accept')\n    return urlopen(req).read(), kind\n",
        "req.get_header('Accept')",
    ),
}


@pytest.mark.parametrize("name", sorted(MIGRATED))
def test_the_same_shapes_on_hubspots_host_still_migrate(name):
    body, kept = MIGRATED[name]
    result = migrate(HEAD + body)
    assert result.error is None, result.error
    assert result.new is not None, [(s.status, s.reason) for s in result.sites]
    new = result.new.decode()
    assert "hapikey" not in new
    assert "Bearer" in new and kept in new
    assert all(s.status == Status.REWRITE for s in result.sites)

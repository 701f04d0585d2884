"""A response cache keyed by URL (requests_cache, CachedSession, CacheControl)
and callers' keys: each caller's ``?hapikey=`` made its own cache entries; with
the credential in a header, which such caches leave out of their key, two
tenants asking the same URL would share one cached response. Callers' keys
stay manual there; one configured key (one portal) migrates as before."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

HUB = """\
import requests

BASE = "https://api.hubapi.com"


def owners(api_key):
    return requests.get(BASE + "/owners/v2/owners", params={"hapikey": api_key}).json()
"""
BOOT = 'import requests_cache\n\nrequests_cache.install_cache("hs", expire_after=300)\n'


def _hub(results: dict, name: str = "app/hub.py") -> tuple[set, str]:
    sites = key_sites(results[name])
    return {s.status for s in sites}, " ".join(s.reason for s in sites)


def test_callers_keys_stay_manual_when_the_package_caches_responses(tmp_path):
    files = {"app/__init__.py": "", "app/hub.py": HUB, "app/boot.py": BOOT}
    statuses, reason = _hub(tree(tmp_path, files))
    assert statuses == {Status.MANUAL}
    assert "cached by URL" in reason


def test_a_client_class_on_a_cached_session_stays_manual(tmp_path):
    client = (
        "import requests_cache\n\nsession = requests_cache.CachedSession('hs')\n\n\n"
        "class Client:\n"
        "    def __init__(self, api_key):\n"
        "        self.api_key = api_key\n\n"
        "    def deals(self):\n"
        '        return session.get("https://api.hubapi.com/deals/v1/deal/paged",\n'
        '                           params={"hapikey": self.api_key}).json()\n'
    )
    results = tree(tmp_path, {"app/__init__.py": "", "app/client.py": client})
    statuses, reason = _hub(results, "app/client.py")
    assert statuses == {Status.MANUAL}
    assert "requests_cache, line 1" in reason
    assert not results["app/client.py"].changed


def test_without_a_cache_callers_pass_tokens(tmp_path):
    statuses, _ = _hub(tree(tmp_path, {"app/__init__.py": "", "app/hub.py": HUB}))
    assert statuses == {Status.REWRITE}


def test_one_configured_key_migrates_beside_a_cache(tmp_path):
    configured = HUB.replace("def owners(api_key):", "def owners():").replace(
        'params={"hapikey": api_key}',
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}',
    )
    configured = "import os\n" + configured
    files = {"app/__init__.py": "", "app/hub.py": configured, "app/boot.py": BOOT}
    results = tree(tmp_path, files)
    assert _hub(results)[0] == {Status.REWRITE}
    assert "Authorization" in results["app/hub.py"].new.decode()

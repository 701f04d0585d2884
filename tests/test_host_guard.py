"""A helper given HubSpot URLs with the key by some callers and other hosts' URLs
(written in the code) by others sends the token to HubSpot's hosts only: its
request gets ``headers={...} if urlsplit(url).hostname == "api.hubapi.com" else {}``.
Migrated code is run before and after with the behavioural harness's recording
fakes, and every request compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import OK
from tests.behaviour.harness import Settings, run_project

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))

APP = """import os
import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]
HUBSPOT = "https://api.hubapi.com"


def get_json(url, params=None):
    r = requests.get(url, params=params, headers={"Accept": "application/json"})
    r.raise_for_status()
    return r.json()


def owners():
    return get_json(HUBSPOT + "/crm/v3/owners", {"hapikey": API_KEY, "limit": 5})


def contact(vid):
    return get_json(HUBSPOT + "/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (vid, API_KEY))


def status():
    return get_json("https://status.example.com/api/v2/status.json", {"tz": "UTC"})
"""

SCENARIO = '''"""A helper for HubSpot and a status page."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_all(credential):
    import app

    app.owners()
    app.contact(51)
    app.status()
'''


def migrate(tmp_path: Path, text: str) -> tuple[list[Status], str]:
    path = tmp_path / "app.py"
    path.write_text(text)
    (result,) = run.results([str(path)], OPTIONS, jobs=1)
    statuses = [
        s.status for s in result.sites if s.kind.value not in ("call", "version")
    ]
    return statuses, result.new.decode() if result.changed else text


def test_the_migrated_helper_sends_the_token_to_hubspot_and_nothing_to_the_status_page(
    tmp_path,
):
    statuses, text = migrate(tmp_path, APP)
    assert statuses == [Status.REWRITE, Status.REWRITE]
    assert 'if urlsplit(url).hostname == "api.hubapi.com" else {}' in text
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "app.py").write_text(APP)
    (project / "scenario.py").write_text(SCENARIO)
    result = run_project(project, Settings())
    assert not result.errors, result.errors
    assert result.counts.manual == 0
    assert [v.label for v in result.verdicts if v.kind != OK] == []
    after = [request for _, after in result.runs for request in after.requests]
    hosts = {r.url.split("/")[2]: list(r.header_values("authorization")) for r in after}
    assert hosts["api.hubapi.com"] == ["Bearer tok-main"]
    assert hosts["status.example.com"] == []


@pytest.mark.parametrize(
    "change",
    [
        # a HubSpot URL without the key: the guard would add a token to it
        ("https://status.example.com/api/v2/status.json", "https://api.hubapi.com/x"),
        # the URL changes before the request: the test would not see it
        (
            "    r = requests.get(url,",
            "    url = url.strip()\n    r = requests.get(url,",
        ),
        # a URL known only at run time
        (
            'get_json("https://status.example.com/api/v2/status.json", {"tz": "UTC"})',
            "get_json(STATUS_URL)",
        ),
    ],
)
def test_a_helper_whose_other_callers_cannot_be_told_apart_stays(tmp_path, change):
    source = APP.replace(*change).replace(
        "def status():", "STATUS_URL = os.environ['STATUS_URL']\ndef status():"
    )
    assert source != APP
    statuses, text = migrate(tmp_path, source)
    assert statuses == [Status.MANUAL, Status.MANUAL]
    assert text == source


def test_a_host_from_a_class_attribute_gets_no_guard(tmp_path):
    """``self.BASE + path`` names api.hubapi.com in the class, but the module (or a
    subclass) may change it: a guard on that host would drop the credential of
    requests to the region's host."""
    source = (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n\n"
        "class HubSpot:\n    BASE = 'https://api.hubapi.com'\n\n"
        "    def get_json(self, url, params=None):\n"
        "        return requests.get(url, params=params).json()\n\n"
        "    def owners(self):\n"
        "        return self.get_json(self.BASE + '/crm/v3/owners', {'hapikey': KEY})\n\n"
        "    def status(self):\n"
        "        return self.get_json('https://status.example.com/api/v2/status.json')\n\n"
        "if os.environ.get('HUBSPOT_REGION') == 'eu1':\n"
        "    HubSpot.BASE = 'https://api-eu1.hubapi.com'\n"
    )
    statuses, text = migrate(tmp_path, source)
    assert statuses == [Status.MANUAL]
    assert text == source


def test_a_helper_also_used_as_a_value_is_left(tmp_path):
    """``map(get_json, FEEDS)``: the feeds' URLs are not seen as calls; before,
    the helper got the header for every request, the feeds' too."""
    source = APP.replace(
        "def status():",
        "FEEDS = ['https://feeds.example.com/a']\n\n\ndef feeds():\n"
        "    return list(map(get_json, FEEDS))\n\n\ndef status():",
    )
    statuses, text = migrate(tmp_path, source)
    assert statuses == [Status.MANUAL, Status.MANUAL]
    assert text == source

"""A key in urllib3's ``fields=`` (issue #12; ``analysis/urllib3_fields.py``).

urllib3 encodes the fields of a GET (HEAD, DELETE, OPTIONS) into the query:
the key went where ``params=`` would have sent it, and migrates so (the key
leaves the mapping, the request gets the header). In the fields of a POST the
key went in the body: left for a person, as is a method known only at run
time, or a pool whose default headers a request's ``headers=`` would drop."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, migrate

HUB = (
    "import json\nimport os\n\nimport urllib3\n\n"
    "pool = urllib3.PoolManager(num_pools=2)\n"
    'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
    "def owners():\n"
    '    resp = pool.request("GET", "https://api.hubapi.com/owners/v2/owners", '
    'fields={"hapikey": KEY, "includeInactive": "false"})\n'
    '    return json.loads(resp.data.decode("utf-8"))\n\n\n'
    "def deals(offset):\n"
    '    fields = {"offset": offset}\n'
    '    fields["hapikey"] = KEY\n'
    '    resp = pool.request("GET", "https://api.hubapi.com/deals/v1/deal/paged", '
    "fields=fields)\n"
    '    return json.loads(resp.data.decode("utf-8"))\n'
)
TREE = {"app/__init__.py": "", "app/hub.py": HUB}
HEADER = 'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'


def test_a_key_in_the_fields_of_a_get_migrates_as_params(tmp_path):
    out = migrate(tmp_path, TREE)
    statuses, text, reasons = out["app/hub.py"]
    assert statuses == [Status.REWRITE, Status.REWRITE], reasons
    assert f'fields={{"includeInactive": "false"}}, {HEADER})' in text
    assert f"fields=fields, {HEADER})" in text
    assert 'fields["hapikey"]' not in text and "hapikey" not in text


SCENARIO = (
    '"""A urllib3 pool sending the key in the fields of its GETs."""\n'
    'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
    "RESPONSES = [\n"
    '    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},\n'
    '    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {"deals": []}},\n'
    "]\n\n\n"
    "def case_reads(credential):\n"
    "    from app import hub\n\n"
    '    assert hub.owners() == [{"ownerId": 1}]\n'
    '    assert hub.deals(5) == {"deals": []}\n'
)


def test_the_pool_behaves_as_before_with_the_token(tmp_path):
    """The harness records urllib3's requests (its fakes patch the connection
    pool): the same URLs but the key, the token in the header."""
    files = {f"src/{n}": t for n, t in TREE.items()}
    behaves(tmp_path / "p", {**files, "scenario.py": SCENARIO}, manual=0)


STAYS = {
    "the fields of a POST (the key went in the body)": (
        '"GET", "https://api.hubapi.com/owners',
        '"POST", "https://api.hubapi.com/owners',
        "body of a POST",
    ),
    "a method known only at run time": (
        'def owners():\n    resp = pool.request("GET"',
        'def owners(method="GET"):\n    resp = pool.request(method',
        "by a method known only at run time",
    ),
    "a pool with default headers a request's headers= replaces": (
        "urllib3.PoolManager(num_pools=2)",
        'urllib3.PoolManager(headers={"User-Agent": "hub/1.0"})',
        "urllib3 does not merge",
    ),
    # review 18's T18: the pool's headers written after it is made
    "a pool whose default headers are set later": (
        "urllib3.PoolManager(num_pools=2)\n",
        'urllib3.PoolManager(num_pools=2)\npool.headers["User-Agent"] = "hub/1.0"\n',
        "urllib3 does not merge",
    ),
    "a pool whose default headers are updated later": (
        "urllib3.PoolManager(num_pools=2)\n",
        'urllib3.PoolManager(num_pools=2)\npool.headers.update({"Accept": "x"})\n',
        "urllib3 does not merge",
    ),
}


@pytest.mark.parametrize("change", list(STAYS.values()), ids=list(STAYS))
def test_the_owners_read_stays_when(tmp_path, change):
    old, new, words = change
    hub = HUB.replace(old, new, 1)
    assert hub != HUB
    out = migrate(tmp_path, {**TREE, "app/hub.py": hub})
    statuses, text, reasons = out["app/hub.py"]
    assert statuses[0] == Status.MANUAL, reasons
    assert words in reasons[0], reasons[0]
    assert 'fields={"hapikey": KEY, "includeInactive": "false"})' in text


def test_a_name_bound_to_something_else_is_no_pool(tmp_path):
    """``pool.request(...)`` where ``pool`` is not (only) a urllib3 pool: not
    followed, as before."""
    hub = HUB.replace(
        "pool = urllib3.PoolManager(num_pools=2)\n",
        "pool = urllib3.PoolManager(num_pools=2)\n"
        "if os.environ.get('MOCK'):\n    pool = object()\n",
    )
    out = migrate(tmp_path, {**TREE, "app/hub.py": hub})
    statuses, text, reasons = out["app/hub.py"]
    assert set(statuses) == {Status.MANUAL}, reasons
    assert text == hub


def test_a_pool_whose_headers_another_module_writes_stays(tmp_path):
    """Review 18's T28: ``hub.pool.headers.update(...)`` in another module gives
    the pool defaults a request's headers= would drop."""
    app = 'from app import hub\n\nhub.pool.headers.update({"User-Agent": "acme/1.0"})\n'
    out = migrate(tmp_path, {**TREE, "app/main.py": app})
    statuses, text, reasons = out["app/hub.py"]
    assert statuses[0] == Status.MANUAL and "urllib3 does not merge" in reasons[0]

"""A key-bearing URL template defined in one module and filled in another
(issue #12, shape B): ``OWNER_URL = BASE + "/owners/v2/owners/%s?hapikey=%s"``
in ``constants.py``, ``requests.get(OWNER_URL % (owner_id, KEY))`` elsewhere.

- Every read of the template in the tree filled right there with ``%`` by a
  tuple literal whose value at the key's field is the configured key: the
  template loses ``?hapikey=%s``, each reader its key value, and sends the
  token (the projects run before and after: same requests, token for key).
- Any other read (the template handed on unfilled, a key that is a caller's,
  the ``%`` arguments in a variable, a template whose fields cannot be told
  apart) keeps the template and every reader as they are, each reader's use
  reported as a manual site saying why: never passed over in silence (blind
  async_enrichment_service hub.py:23 was not reported at all).
- A test reading the key out of a recorded request (``qs["hapikey"]``) is a
  site too (blind5 hubcrm_hierarchy_tests test_clients.py:30 was not).
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, migrate_reasons

CONSTANTS = """\
import os

KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"
OWNER_URL = BASE + "/owners/v2/owners/%s?hapikey=%s"
DEALS_URL = "https://api.hubapi.com/deals/v1/deal/paged?limit=%d&hapikey=%s&offset=%d"
"""

OWNERS = """\
import requests

from crm.constants import KEY, OWNER_URL


def owner(owner_id):
    return requests.get(OWNER_URL % (owner_id, KEY)).json()
"""

DEALS = """\
import requests

from crm import constants


def deals(limit, offset):
    url = constants.DEALS_URL % (limit, constants.KEY, offset)
    return requests.get(url, headers={"Accept": "application/json"}).json()
"""

SCENARIO = '''\
"""Templates filled in other modules."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners/8", "json": {"ownerId": 8}},
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {"deals": []}},
]


def case_owner(credential):
    from crm import owners

    assert owners.owner(8) == {"ownerId": 8}


def case_deals(credential):
    from crm import deals

    assert deals.deals(20, 40) == {"deals": []}
'''


def project(**changed: str) -> dict[str, str]:
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": CONSTANTS,
        "crm/owners.py": OWNERS,
        "crm/deals.py": DEALS,
    }
    files.update({f"crm/{name}.py": text for name, text in changed.items()})
    return files


def statuses(out, name: str) -> list[Status]:
    return out[f"crm/{name}.py"][0] and [s for s, _ in out[f"crm/{name}.py"][0]]


def test_templates_filled_with_the_configured_key_migrate(tmp_path):
    out = migrate_reasons(tmp_path, project())
    # the two templates, and the key's definition nothing reads any more
    assert statuses(out, "constants") == [Status.REWRITE] * 3
    assert statuses(out, "owners") == [Status.REWRITE]
    assert statuses(out, "deals") == [Status.REWRITE]
    constants = out["crm/constants.py"][1]
    assert "HUBSPOT_API_KEY" not in constants
    assert 'OWNER_URL = BASE + "/owners/v2/owners/%s"\n' in constants
    assert (
        '"https://api.hubapi.com/deals/v1/deal/paged?limit=%d&offset=%d"' in constants
    )
    owners = out["crm/owners.py"][1]
    assert "OWNER_URL % (owner_id,)" in owners
    assert "KEY" not in owners.replace("OWNER_URL", "")  # its import went too
    assert "Bearer" in owners
    deals = out["crm/deals.py"][1]
    assert "constants.DEALS_URL % (limit, offset)" in deals
    assert '"Accept": "application/json", "Authorization": "Bearer "' in deals


def test_the_migrated_project_sends_the_same_requests_with_the_token(tmp_path):
    files = {f"src/{name}": text for name, text in project().items()}
    behaves(tmp_path, {**files, "scenario.py": SCENARIO}, manual=0)


def _unchanged_and_said(out, reader: str, *words: str) -> None:
    """The template and every reader as they were, each use a manual site."""
    for name in ("constants", "owners", "deals"):
        sites, text = out[f"crm/{name}.py"]
        if name == "constants":
            assert "owners/%s?hapikey=%s" in text
        assert sites, name  # every use of the template is a site
    left = out[f"crm/{reader}.py"][0]
    assert left and all(s == Status.MANUAL for s, _ in left), left
    reasons = " ".join(r for _, r in left)
    for word in words:
        assert word in reasons, (word, reasons)
    assert [s for s, _ in out["crm/owners.py"][0]] == [Status.MANUAL]


def test_a_callers_key_keeps_the_template_and_its_readers(tmp_path):
    owners = OWNERS.replace("def owner(owner_id):", "def owner(owner_id, key=KEY):")
    owners = owners.replace("(owner_id, KEY)", "(owner_id, key)")
    out = migrate_reasons(tmp_path, project(owners=owners))
    _unchanged_and_said(out, "owners", "is not one configured key")
    assert out["crm/owners.py"][1] == owners


def test_a_template_handed_on_unfilled_keeps_it_for_a_person(tmp_path):
    """Another module reads the template without filling it here: its fields
    are filled where hapimigrate does not follow; nothing changes anywhere."""
    audit = (
        "from crm.constants import OWNER_URL\n\n\n"
        "def template():\n    return OWNER_URL\n"
    )
    out = migrate_reasons(tmp_path, project(audit=audit))
    assert [s for s, _ in out["crm/audit.py"][0]] == [Status.MANUAL]
    assert "filled later" in out["crm/audit.py"][0][0][1]
    _unchanged_and_said(out, "owners")
    assert out["crm/owners.py"][1] == OWNERS


def test_arguments_in_a_variable_are_not_told_apart(tmp_path):
    owners = OWNERS.replace(
        "    return requests.get(OWNER_URL % (owner_id, KEY)).json()",
        "    args = (owner_id, KEY)\n    return requests.get(OWNER_URL % args).json()",
    )
    out = migrate_reasons(tmp_path, project(owners=owners))
    _unchanged_and_said(out, "owners", "not a tuple of its 2 fields written here")


def test_a_template_whose_fields_cannot_be_told_apart_is_reported_where_filled(
    tmp_path,
):
    """A prefix known only at run time may hold fields of its own: which
    argument is the key is not known; the reader's use is a manual site."""
    constants = CONSTANTS.replace(
        'BASE = "https://api.hubapi.com"', 'BASE = os.environ["HUBSPOT_BASE"]'
    )
    out = migrate_reasons(tmp_path, project(constants=constants))
    _unchanged_and_said(out, "owners", "cannot all be told apart")


def test_the_project_left_for_a_person_still_runs_as_before(tmp_path):
    owners = OWNERS.replace(
        "    return requests.get(OWNER_URL % (owner_id, KEY)).json()",
        "    args = (owner_id, KEY)\n    return requests.get(OWNER_URL % args).json()",
    )
    files = {f"src/{name}": text for name, text in project(owners=owners).items()}
    # the owners template, its definition and the deals use it leaves: 3 sites
    behaves(tmp_path, {**files, "scenario.py": SCENARIO}, manual=3)


TEST_MODULE = """\
import requests_mock

from crm import owners


def test_owner_sends_the_key():
    with requests_mock.Mocker() as m:
        m.get("https://api.hubapi.com/owners/v2/owners/8", json={"ownerId": 8})
        owners.owner(8)
        assert m.last_request.qs["hapikey"] == ["key-main"]
        assert m.last_request.qs["ownerid"] != ["9"]
"""


def test_a_test_reading_the_key_out_of_the_request_is_a_site(tmp_path):
    """Once the request sends the token, the test's check fails: a person
    changes it (blind5 hubcrm_hierarchy_tests test_clients.py:30)."""
    out = migrate_reasons(tmp_path, project(test_owners=TEST_MODULE))
    sites = out["crm/test_owners.py"][0]
    assert [s for s, _ in sites] == [Status.MANUAL]  # the key's check, not the other
    assert 'out of "hapikey" of m.last_request.qs' in sites[0][1]
    assert statuses(out, "owners") == [Status.REWRITE]  # the code still migrates


def test_a_tenants_key_read_from_its_row_is_not_a_site_of_its_own(tmp_path):
    """``Client(row["hapikey"])``: the credential handed on, which the fixers
    follow where it is sent; the read itself is not a check."""
    tenants = (
        "from crm.owners import owner\n\n\n"
        "def first(rows):\n"
        '    key = rows[0]["hapikey"]\n'
        "    return key\n"
    )
    out = migrate_reasons(tmp_path, project(tenants=tenants))
    assert out["crm/tenants.py"][0] == []


def test_a_form_template_loses_the_key_and_gets_no_token(tmp_path):
    """A form submission needs no key: the template and its reader both lose
    it (the reader's % argument with the template's field), no token added."""
    constants = CONSTANTS + (
        'FORM_URL = "https://forms.hubspot.com/uploads/form/v2/%s/%s?hapikey=%s"\n'
    )
    signup = (
        "import requests\n\n"
        "from crm.constants import FORM_URL, KEY\n\n\n"
        "def signup(portal, form, email):\n"
        '    return requests.post(FORM_URL % (portal, form, KEY), data={"email": email})'
        ".status_code\n"
    )
    files = project(constants=constants, signup=signup)
    out = migrate_reasons(tmp_path / "tree", files)
    assert statuses(out, "signup") == [Status.REWRITE]
    assert "FORM_URL % (portal, form)" in out["crm/signup.py"][1]
    assert "Bearer" not in out["crm/signup.py"][1]
    assert '/uploads/form/v2/%s/%s"' in out["crm/constants.py"][1]
    scenario = SCENARIO + (
        "\n\ndef case_signup(credential):\n"
        "    from crm import signup\n\n"
        '    signup.signup(62515, "a-form", "a@example.com")\n'
    )
    src = {f"src/{name}": text for name, text in files.items()}
    behaves(tmp_path / "run", {**src, "scenario.py": scenario}, manual=0)


def test_a_template_returned_by_a_function_and_imported_under_another_name(tmp_path):
    constants = CONSTANTS + (
        "\n\ndef deal_url():\n" '    return BASE + "/deals/v1/deal/%s?hapikey=%s"\n'
    )
    owners = (
        "import requests\n\n"
        "from crm.constants import KEY, OWNER_URL as URL, deal_url\n\n\n"
        "def owner(owner_id):\n"
        "    return requests.get(URL % (owner_id, KEY)).json()\n\n\n"
        "def deal(deal_id):\n"
        "    return requests.get(deal_url() % (deal_id, KEY)).json()\n"
    )
    out = migrate_reasons(tmp_path, project(constants=constants, owners=owners))
    assert statuses(out, "owners") == [Status.REWRITE, Status.REWRITE]
    text = out["crm/owners.py"][1]
    assert "URL % (owner_id,)" in text and "deal_url() % (deal_id,)" in text
    assert 'return BASE + "/deals/v1/deal/%s"\n' in out["crm/constants.py"][1]


def test_two_keys_filling_one_template_keep_it_for_a_person(tmp_path):
    """One reader fills it with the portal's key, another with a sandbox's:
    one token for both would mix the portals up."""
    constants = CONSTANTS.replace(
        'BASE = "', 'SANDBOX_KEY = os.environ["HUBSPOT_SANDBOX_KEY"]\nBASE = "'
    )
    sandbox = OWNERS.replace("KEY, OWNER_URL", "SANDBOX_KEY, OWNER_URL").replace(
        "(owner_id, KEY)", "(owner_id, SANDBOX_KEY)"
    )
    out = migrate_reasons(tmp_path, project(constants=constants, sandbox=sandbox))
    for name in ("owners", "sandbox"):
        assert statuses(out, name) == [Status.MANUAL], name
        assert "several keys" in out[f"crm/{name}.py"][0][0][1]
        assert out[f"crm/{name}.py"][1] == (OWNERS if name == "owners" else sandbox)
    assert "owners/%s?hapikey=%s" in out["crm/constants.py"][1]


# -- a class's attribute read as Class.NAME elsewhere (blind5 celery_hubspot3_sync)

CONFIG = """\
import os


class Config(object):
    HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
    HUBSPOT_PARAMS = {"hapikey": HUBSPOT_API_KEY}
    HUBSPOT_URL = "https://api.hubapi.com"
"""

ENGAGEMENTS = """\
import requests

from crm.config import Config


def log_call(vid):
    payload = {"engagement": {"type": "CALL"}, "associations": {"contactIds": [vid]}}
    response = requests.post(
        Config.HUBSPOT_URL + "/engagements/v1/engagements",
        params=Config.HUBSPOT_PARAMS,
        json=payload,
    )
    return response.json()
"""

CONFIG_SCENARIO = '''\
"""A params dict in a class attribute, read by another module."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"id": 5}},
]


def case_log_call(credential):
    from crm import engagements

    assert engagements.log_call(51) == {"id": 5}
'''


def config_project(**changed: str) -> dict[str, str]:
    files = {
        "crm/__init__.py": "",
        "crm/config.py": CONFIG,
        "crm/engagements.py": ENGAGEMENTS,
    }
    files.update({f"crm/{name}.py": text for name, text in changed.items()})
    return files


def test_a_class_attribute_read_as_class_name_elsewhere_migrates(tmp_path):
    out = migrate_reasons(tmp_path / "tree", config_project())
    assert statuses(out, "config")[-1:] == [Status.REWRITE]
    assert "HUBSPOT_PARAMS = {}" in out["crm/config.py"][1]
    assert statuses(out, "engagements") == [Status.REWRITE]
    assert '"Bearer " + os.environ' in out["crm/engagements.py"][1]
    src = {f"src/{name}": text for name, text in config_project().items()}
    behaves(tmp_path / "run", {**src, "scenario.py": CONFIG_SCENARIO}, manual=0)


INSTANCE = (
    "from crm.config import Config\n\n\n"
    "def params():\n    return Config().HUBSPOT_PARAMS\n"
)
SUBCLASS = (
    "from crm.config import Config\n\n\n"
    "class Sandbox(Config):\n    pass\n\n\n"
    "def params():\n    return Sandbox.HUBSPOT_PARAMS\n"
)
HANDED_IN = "def params(cfg):\n    return dict(cfg.HUBSPOT_PARAMS)\n"


@pytest.mark.parametrize(
    "other, site, why",
    [
        (INSTANCE, True, "other than by reading its attributes (Config())"),
        (SUBCLASS, True, "other than by reading its attributes"),
        # off an object handed in, which may be a Config: it keeps the
        # carrier, though it is no site of its own (the same name on another
        # object is no use of the key)
        (HANDED_IN, False, "HUBSPOT_PARAMS is read here off cfg"),
    ],
)
def test_a_class_attribute_reached_otherwise_stays(tmp_path, other, site, why):
    out = migrate_reasons(tmp_path, config_project(other=other))
    left = out["crm/other.py"][0]
    assert all(s == Status.MANUAL for s, _ in left), left
    assert bool(left) == site
    if site:
        assert why in left[0][1], left
    assert out["crm/config.py"][1] == CONFIG
    assert out["crm/engagements.py"][1] == ENGAGEMENTS
    assert statuses(out, "engagements") == [Status.MANUAL]
    assert why in out["crm/engagements.py"][0][0][1]


def test_a_class_its_own_module_names_stays(tmp_path):
    """``Config()`` in its own module: an instance there may read the
    attribute unseen; nothing changes (as before: manual)."""
    config = CONFIG + "\n\nDEFAULT = Config()\n"
    out = migrate_reasons(tmp_path, config_project(config=config))
    assert out["crm/config.py"][1] == config
    assert statuses(out, "config") == [Status.MANUAL]
    assert out["crm/engagements.py"][1] == ENGAGEMENTS


def test_a_keyed_url_helper_that_cannot_change_is_a_site_where_it_is_sent(tmp_path):
    """``hs_url(cfg, path)`` building the URL with the key of the object it is
    given: the key is not one configured key, so the helper stays; its call in
    another module sends the key too and is reported there, not passed over
    (blind revenue_report_ini_cfg report.py:25 was not)."""
    fetch = (
        "def hs_url(cfg, path):\n"
        '    return "https://api.hubapi.com" + path + "?hapikey=" + cfg.hubspot_key\n'
    )
    report = (
        "import requests\n\n"
        "from crm.fetch import hs_url\n\n\n"
        "def close(cfg, deal_id):\n"
        '    url = hs_url(cfg, "/deals/v1/deal/%s" % deal_id)\n'
        '    return requests.put(url, json={"properties": []}).status_code\n'
    )
    out = migrate_reasons(tmp_path, project(fetch=fetch, report=report))
    sites = out["crm/report.py"][0]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert "hs_url() of fetch.py carries a key" in sites[0][1]
    assert out["crm/report.py"][1] == report and out["crm/fetch.py"][1] == fetch

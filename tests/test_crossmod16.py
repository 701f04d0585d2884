"""Keyed URL templates of one module filled and sent by another
(``fixers/filled_templates.py``; real sample 6, ``hubdbapi``):

    # hubdb/constants.py
    TABLE_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{table_id}?hapikey={hs_key}"
    # hubdb/client.py
    def delete_table(table_id, hs_key):
        url = TABLE_URL.format(**{"table_id": table_id, "hs_key": hs_key})
        requests.delete(url)

- A ``str.format`` template whose every read in the tree is ``.format(...)``
  right there, the key's field told for certain (a keyword, a position, one
  ``**{...}`` written there), loses ``?hapikey={hs_key}``; each reader drops
  the key's argument and sends the token.
- The key filled in may be the configured key (the provider's token) or the
  reading function's parameter (the caller's credential, sent as the Bearer
  token, as the same request in one module is; the tree's callers handing it
  the configured key pass the token now). The same holds for ``%`` templates.
- Anything else stays manual, the template and every reader unchanged: a key
  with a configured default (``hs_key=KEY``), a tenant's key read from a row,
  arguments unpacked from a name, a filled URL posted to another host, two
  portals' keys handed to the same function.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, migrate_reasons, tree

CONSTANTS = """\
TABLES_URL = "https://api.hubapi.com/hubdb/api/v2/tables?hapikey={hs_key}"
TABLE_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{table_id}?hapikey={hs_key}"
ROWS_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{table_id}/rows?hapikey={hs_key}"
PUBLIC_ROWS_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{table_id}/rows?portalId={portal_id}"
"""

CLIENT = """\
import json

import requests
from hubdb.constants import (
    TABLES_URL,
    TABLE_URL,
    ROWS_URL,
    PUBLIC_ROWS_URL,
)


def get_all_tables(hs_key):
    url = TABLES_URL.format(**{'hs_key': hs_key})
    resp = requests.get(url, headers={})
    resp.raise_for_status()
    return resp.json()


def delete_table(table_id, hs_key):
    url = TABLE_URL.format(
        **{'table_id': table_id, 'hs_key': hs_key})
    resp = requests.delete(url, headers={})
    resp.raise_for_status()
    return resp.status_code


def add_row(row, table_id, hs_key):
    url = ROWS_URL.format(table_id=table_id, hs_key=hs_key)
    resp = requests.post(url, headers={"content-type": "application/json"},
                         data=json.dumps(row))
    return resp.json()


def public_rows(table_id, portal_id):
    url = PUBLIC_ROWS_URL.format(**{'table_id': table_id, 'portal_id': portal_id})
    return requests.get(url).json()
"""

SCENARIO = '''\
"""Templates of hubdb/constants.py filled in hubdb/client.py."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/hubdb/api/v2/tables(\\?|$)", "json": {"objects": []}},
    {"method": "DELETE", "url": r"/hubdb/api/v2/tables/7(\\?|$)", "status": 204},
    {"method": "POST", "url": r"/hubdb/api/v2/tables/7/rows", "json": {"id": 1}},
    {"method": "GET", "url": r"/hubdb/api/v2/tables/7/rows", "json": {"objects": []}},
]


def case_tables(credential):
    from hubdb import sync

    assert sync.tables() == {"objects": []}


def case_delete(credential):
    from hubdb import sync

    assert sync.drop(7) == 204


def case_add(credential):
    from hubdb import sync

    assert sync.add({"values": {"1": "a"}}, 7) == {"id": 1}


def case_public(credential):
    from hubdb import client

    assert client.public_rows(7, 62515) == {"objects": []}
'''

SYNC = """\
import os

from hubdb import client

KEY = os.environ["HUBSPOT_API_KEY"]


def tables():
    return client.get_all_tables(KEY)


def drop(table_id):
    return client.delete_table(table_id, KEY)


def add(row, table_id):
    return client.add_row(row, table_id, hs_key=KEY)
"""


def project(**changed: str) -> dict[str, str]:
    files = {
        "hubdb/__init__.py": "",
        "hubdb/constants.py": CONSTANTS,
        "hubdb/client.py": CLIENT,
    }
    files.update({f"hubdb/{name}.py": text for name, text in changed.items()})
    return files


def statuses(out, name: str) -> list[Status]:
    return [s for s, _ in out[f"hubdb/{name}.py"][0]]


def reasons(out, name: str) -> str:
    return " ".join(r for _, r in out[f"hubdb/{name}.py"][0])


def test_a_library_filling_templates_with_its_parameter_sends_it_as_the_token(
    tmp_path,
):
    out = migrate_reasons(tmp_path, project())
    assert statuses(out, "constants") == [Status.REWRITE] * 3
    assert statuses(out, "client") == [Status.REWRITE] * 3
    assert "callers pass access tokens now" in reasons(out, "client")
    constants = out["hubdb/constants.py"][1]
    assert "hapikey" not in constants
    assert 'TABLES_URL = "https://api.hubapi.com/hubdb/api/v2/tables"\n' in constants
    assert '/tables/{table_id}"\n' in constants
    assert "rows?portalId={portal_id}" in constants  # no key: untouched
    client = out["hubdb/client.py"][1]
    # the whole **{} went with the key; the other fields stay
    assert "url = TABLES_URL\n" in client
    assert "TABLE_URL.format(\n        **{'table_id': table_id})" in client
    assert "ROWS_URL.format(table_id=table_id)" in client
    assert 'requests.get(url, headers={"Authorization": "Bearer " + hs_key})' in client
    assert '"content-type": "application/json", "Authorization": "Bearer " + hs_key'
    assert "def get_all_tables(hs_key):" in client  # the signature stays
    assert (
        "public_rows(table_id, portal_id):\n    url = PUBLIC_ROWS_URL.format(**{"
        in (client)
    )


def test_the_tree_callers_pass_the_token_and_the_requests_stay_the_same(tmp_path):
    out = migrate_reasons(tmp_path, project(sync=SYNC))
    assert statuses(out, "client") == [Status.REWRITE] * 3
    sync = out["hubdb/sync.py"][1]
    assert "HUBSPOT_API_KEY" not in sync
    assert "HUBSPOT_ACCESS_TOKEN" in sync
    files = {f"src/{name}": text for name, text in project(sync=SYNC).items()}
    behaves(tmp_path / "run", {**files, "scenario.py": SCENARIO}, manual=0)


CONFIGURED_CLIENT = """\
import os

import requests
from hubdb import constants

KEY = os.environ["HUBSPOT_API_KEY"]


def get_all_tables():
    return requests.get(constants.TABLES_URL.format(hs_key=KEY)).json()


def delete_table(table_id):
    url = constants.TABLE_URL.format(table_id, KEY)
    return requests.delete(url).status_code
"""

POSITIONAL = """\
TABLES_URL = "https://api.hubapi.com/hubdb/api/v2/tables?hapikey={hs_key}"
TABLE_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{}?hapikey={}"
"""


def test_the_configured_key_filled_by_keyword_or_position_becomes_the_token(
    tmp_path,
):
    out = migrate_reasons(
        tmp_path, project(constants=POSITIONAL, client=CONFIGURED_CLIENT)
    )
    assert statuses(out, "client") == [Status.REWRITE] * 2
    assert set(statuses(out, "constants")) == {Status.REWRITE}
    client = out["hubdb/client.py"][1]
    assert "HUBSPOT_API_KEY" not in client
    assert "requests.get(constants.TABLES_URL, headers=" in client
    assert "constants.TABLE_URL.format(table_id)" in client
    assert '"https://api.hubapi.com/hubdb/api/v2/tables/{}"' in (
        out["hubdb/constants.py"][1]
    )


PERCENT_CONSTANTS = """\
OWNER_URL = "https://api.hubapi.com/owners/v2/owners/%s?hapikey=%s"
"""

PERCENT_CLIENT = """\
import requests

from hubdb.constants import OWNER_URL


class Owners:
    def owner(self, owner_id, api_key):
        return requests.get(OWNER_URL % (owner_id, api_key)).json()
"""


def test_a_percent_template_filled_with_a_parameter_sends_it_as_the_token(
    tmp_path,
):
    out = migrate_reasons(
        tmp_path, project(constants=PERCENT_CONSTANTS, client=PERCENT_CLIENT)
    )
    assert statuses(out, "client") == [Status.REWRITE]
    client = out["hubdb/client.py"][1]
    assert "OWNER_URL % (owner_id,)" in client
    assert '"Authorization": "Bearer " + api_key' in client
    assert "hapikey" not in out["hubdb/constants.py"][1]


def _left(
    out, reader: str, *words: str, read: str = "TABLES_URL.format(**{'hs_key': hs_key})"
) -> None:
    """TABLES_URL as it was (the other templates, not read there, migrate),
    the reader's sites manual and saying why."""
    constants = out["hubdb/constants.py"][1]
    assert CONSTANTS.splitlines()[0] in constants.splitlines()
    assert f"    url = {read}\n" in out["hubdb/client.py"][1]
    assert statuses(out, "constants")[0] == Status.MANUAL
    sites = out[f"hubdb/{reader}.py"][0]
    assert sites and Status.MANUAL in [s for s, _ in sites], sites
    said = reasons(out, reader)
    for word in words:
        assert word in said, (word, said)


def test_a_key_with_a_configured_default_stays_manual(tmp_path):
    client = CLIENT.replace(
        "def get_all_tables(hs_key):", "def get_all_tables(hs_key=KEY):"
    ).replace("import json\n", "import json\nfrom hubdb.settings import KEY\n")
    files = project(client=client, settings="import os\nKEY = os.environ['K']\n")
    out = migrate_reasons(tmp_path, files)
    _left(out, "client", "is not one configured key")


def test_a_tenants_key_read_from_a_row_stays_manual(tmp_path):
    tenant = """\
import requests

from hubdb.constants import TABLES_URL


def tables_of(portal):
    row = portal.credentials.first()
    return requests.get(TABLES_URL.format(hs_key=row.hs_key)).json()
"""
    out = migrate_reasons(tmp_path, project(tenant=tenant))
    _left(out, "tenant", "is not one configured key")
    assert out["hubdb/tenant.py"][1] == tenant


def test_arguments_unpacked_from_a_name_stay_manual(tmp_path):
    client = CLIENT.replace(
        "    url = TABLES_URL.format(**{'hs_key': hs_key})",
        "    fields = {'hs_key': hs_key}\n    url = TABLES_URL.format(**fields)",
    )
    out = migrate_reasons(tmp_path, project(client=client))
    _left(
        out,
        "client",
        "unpack a mapping not written here",
        read="TABLES_URL.format(**fields)",
    )


def test_a_filled_url_posted_to_another_host_stays_manual(tmp_path):
    audit = """\
import requests

from hubdb.constants import TABLES_URL


def audit(hs_key):
    url = TABLES_URL.format(hs_key=hs_key)
    requests.post("https://audit.example.com/log", json={"url": url})
    return requests.get(url).json()
"""
    out = migrate_reasons(tmp_path, project(audit=audit))
    _left(out, "audit")
    assert out["hubdb/audit.py"][1] == audit


def test_two_portals_keys_handed_to_the_function_stay_manual(tmp_path):
    sync = """\
import os

from hubdb import client


def copy():
    source = client.get_all_tables(os.environ["SOURCE_HUBSPOT_KEY"])
    target = client.get_all_tables(os.environ["TARGET_HUBSPOT_KEY"])
    return source, target
"""
    out = migrate_reasons(tmp_path, project(sync=sync))
    assert out["hubdb/sync.py"][1] == sync
    assert Status.MANUAL in statuses(out, "client")
    assert "?hapikey={hs_key}" in out["hubdb/constants.py"][1]


NUMBERED = """\
ROWS_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{1}/rows?hapikey={0}"
"""
NUMBERED_READER = """\
import requests

from hubdbapi.constants import ROWS_URL


def rows(table_id, hs_key):
    return requests.get(ROWS_URL.format(hs_key, table_id)).json()
"""


def test_a_template_numbering_its_fields_stays_manual(tmp_path):
    # dropping {0} would leave "{1}" with one argument: IndexError (review 24, R3)
    results = tree(
        tmp_path,
        {
            "hubdbapi/__init__.py": "",
            "hubdbapi/constants.py": NUMBERED,
            "hubdbapi/hubdb.py": NUMBERED_READER,
        },
    )
    for name in ("hubdbapi/constants.py", "hubdbapi/hubdb.py"):
        assert results[name].new is None
        assert all(s.status == Status.MANUAL for s in key_sites(results[name]))
    (site,) = key_sites(results["hubdbapi/hubdb.py"])
    assert "numbers its fields" in site.reason

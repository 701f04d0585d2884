"""A constants module's keyed URL template that nothing reads is a leftover of
the migration only when its siblings' sends migrated too. Real sample 6's
HubDB client imports its templates in a parenthesised list over several lines
(``from hubdbapi.constants import (\n    TABLES_URL,\n)``), which the tree's
import scan read as importing nothing: the templates it sends with a key were
reported "not used ... nor sent by a module that imports it", and the one
template really unused was deleted, a rewrite that migrated nothing. Imports
over several lines (parentheses, backslashes) name what they import now; a
module whose templates' sends all migrated still loses the unused one."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CONSTANTS = (
    "TABLES_URL = 'https://api.hubapi.com/hubdb/api/v2/tables?hapikey={hs_key}'\n"
    "ROWS_URL = 'https://api.hubapi.com/hubdb/api/v2/tables/{table_id}/rows"
    "?hapikey={hs_key}'\n"
)
IMPORTS = {
    "parenthesised": "from hubdbapi.constants import (\n    TABLES_URL,\n)\n",
    "backslash": "from hubdbapi.constants import ROWS_URL, \\\n    TABLES_URL\n",
}


def per_key(imports: str) -> str:
    """A send that stays manual: a portal's own key, read from its row (a
    parameter's key would migrate, sent as the caller's token)."""
    return (
        "import requests\n" + imports + "\n\ndef tables(portal):\n"
        "    url = TABLES_URL.format(**{'hs_key': portal.hs_key})\n"
        "    return requests.get(url, headers={}).json()\n"
    )


@pytest.mark.parametrize("imports", sorted(IMPORTS))
def test_an_unused_template_beside_templates_still_sent_with_the_key_stays(
    tmp_path, imports
):
    results = tree(
        tmp_path,
        {
            "hubdbapi/__init__.py": "",
            "hubdbapi/constants.py": CONSTANTS,
            "hubdbapi/hubdb.py": per_key(IMPORTS[imports]),
        },
    )
    constants = results["hubdbapi/constants.py"]
    sites = key_sites(constants)
    assert len(sites) == 2 and all(s.status == Status.MANUAL for s in sites), sites
    assert constants.new is None
    assert all(
        s.status == Status.MANUAL for s in key_sites(results["hubdbapi/hubdb.py"])
    )


MIGRATING_CONSTANTS = (
    "import os\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    "TABLES_URL = 'https://api.hubapi.com/hubdb/api/v2/tables?hapikey=' + KEY\n"
    "ROWS_URL = 'https://api.hubapi.com/hubdb/api/v2/tables/1/rows?hapikey=' + KEY\n"
)
CONFIGURED = (
    "import requests\nfrom hubdbapi.constants import TABLES_URL\n\n"
    "def tables():\n    return requests.get(TABLES_URL).json()\n"
)


def test_an_unused_template_goes_once_its_siblings_sends_migrated(tmp_path):
    results = tree(
        tmp_path,
        {
            "hubdbapi/__init__.py": "",
            "hubdbapi/constants.py": MIGRATING_CONSTANTS,
            "hubdbapi/hubdb.py": CONFIGURED,
        },
    )
    assert [s.status for s in key_sites(results["hubdbapi/hubdb.py"])] == [
        Status.REWRITE
    ]
    constants = results["hubdbapi/constants.py"]
    assert all(s.status == Status.REWRITE for s in key_sites(constants))
    assert "ROWS_URL" not in constants.new.decode()
    assert "hapikey" not in constants.new.decode()

"""A name imported from one of two modules chosen at run time (``if
"--sandbox" in sys.argv: import sandbox_const as const`` / ``else: import
const``) holds one of two portals' keys: the request stays for a person, and
neither import goes. Before, the name counted as one configured key: the
sandbox import became ``pass`` and ``--sandbox`` wrote to the production
portal with the one token. An import fallback (``try: import a`` / ``except
ImportError: import b``) is the deployment's choice, not each run's."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SEND = (
    "\n\ndef push(email):\n"
    "    requests.post('https://api.hubapi.com/contacts/v1/contact/createOrUpdate'\n"
    "                  '/email/%s/' % email, params={'hapikey': const.apikey})\n"
)
CHOSEN = {
    "if/else on argv": (
        "if '--sandbox' in sys.argv:\n    import sandbox_const as const\n"
        "else:\n    import const\n"
    ),
    "imported, then replaced": (
        "import const\nif os.environ.get('SANDBOX'):\n    import sandbox_const as const\n"
    ),
    "rebound at the top": (
        "import const\nimport sandbox_const\n"
        "if '--sandbox' in sys.argv:\n    const = sandbox_const\n"
    ),
    "rebound through global": (
        "import const\nimport sandbox_const\n\n\ndef use_sandbox():\n"
        "    global const\n    const = sandbox_const\n"
    ),
    "a package's modules": (
        "if '--sandbox' in sys.argv:\n    from app import sandbox as const\n"
        "else:\n    from app import production as const\n"
    ),
}


@pytest.mark.parametrize("chosen", sorted(CHOSEN))
def test_a_module_chosen_at_run_time_keeps_both_keys(tmp_path, chosen):
    source = "import os\nimport sys\nimport requests\n" + CHOSEN[chosen] + SEND
    results = tree(tmp_path, {"sync.py": source})
    (site,) = key_sites(results["sync.py"])
    assert site.status == Status.MANUAL
    assert "several keys" in site.reason and "imported from" in site.reason
    assert results["sync.py"].new is None


def test_one_module_imported_twice_is_one_key(tmp_path):
    source = (
        "import os\nimport sys\nimport requests\nimport const\n"
        "if '--debug' in sys.argv:\n    import const\n" + SEND
    )
    results = tree(tmp_path, {"sync.py": source})
    (site,) = key_sites(results["sync.py"])
    assert site.status == Status.REWRITE
    assert b"hapikey" not in results["sync.py"].new


def test_an_import_fallback_is_no_choice_of_key(tmp_path):
    source = (
        "import os\nimport requests\n"
        "try:\n    from urllib.parse import quote\n"
        "except ImportError:\n    from urllib import quote\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "\n\ndef push(email):\n"
        "    requests.post('https://api.hubapi.com/contacts/v1/contact/'\n"
        "                  'createOrUpdate/email/%s/?hapikey=%s' % (email, quote(KEY)))\n"
    )
    results = tree(tmp_path, {"sync.py": source})
    (site,) = [s for s in key_sites(results["sync.py"]) if s.kind.value == "url"]
    assert site.status == Status.REWRITE
    assert b"hapikey" not in results["sync.py"].new

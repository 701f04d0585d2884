"""A helper's URL handed in by callers, the URLs imported from the tree's
config module in a parenthesised list over several lines (black's style):
the callers' hosts are settled as with one-line imports
(:func:`hapimigrate.tree_imports.from_imports`, shared by the URL constants and
the handed URLs)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.test_callers14 import CHECK, CONFIG
from tests.trees import key_sites, migrated, tree

PARENTHESISED = CHECK.replace(
    "from config import list_url\nfrom config import contact_info as contact_info_url\n",
    "from config import (\n    list_url,\n    contact_info as contact_info_url,\n)\n",
)


def test_urls_imported_over_several_lines_settle_the_callers_hosts(tmp_path):
    assert PARENTHESISED != CHECK
    text = migrated(
        tree(tmp_path, {"check.py": PARENTHESISED, "config.py": CONFIG})["check.py"]
    )
    assert "hapikey" not in text
    assert (
        text.count('"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]')
        == 2
    )


def test_another_hosts_url_imported_over_several_lines_keeps_the_helper(tmp_path):
    config = CONFIG.replace(
        "https://api.hubapi.com/contacts/v1/contact/vid",
        "https://crm-mirror.example.com/contacts/v1/contact/vid",
    )
    result = tree(tmp_path, {"check.py": PARENTHESISED, "config.py": config})[
        "check.py"
    ]
    helper = [s for s in key_sites(result) if s.enclosing == "get_contact_details"]
    assert helper and all(s.status == Status.MANUAL for s in helper)
    assert not result.changed or "crm-mirror" not in result.new.decode()

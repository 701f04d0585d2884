"""A key that a caller takes from a field of an object its own callers hand it
(``for_portal(portal)`` passing ``portal.api_key``), where nothing in the tree
calls that caller (a Celery task, a signal handler, an entry point of a
library), is each account's or tenant's stored key: the sites stay for a
person. Before, the function took a token and every tenant's stored API key
went out as ``Bearer <api key>`` (review 24, R7). The command line's
namespace handed down by a caller of the tree still migrates, as does a
mapping's entry (``context["api_key"]``: the request's, a token now, as for
any key a request carries)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

DEALS = """\
import requests

SEARCH_URL = "https://api.hubapi.com/crm/v3/objects/companies/search"


def company_by_name(api_key, name):
    return requests.post(SEARCH_URL, json={"query": name}, params={"hapikey": api_key})
"""


def test_a_field_of_an_uncalled_functions_parameter_stays_manual(tmp_path):
    source = DEALS + (
        "\n\ndef for_portal(portal, name):\n"
        "    return company_by_name(portal.api_key, name)\n"
    )
    results = tree(tmp_path, {"deals.py": source})
    (site,) = key_sites(results["deals.py"])
    assert site.status == Status.MANUAL
    assert "portal.api_key" in site.reason and "stored key" in site.reason
    assert results["deals.py"].new is None


def test_the_command_lines_namespace_handed_down_still_migrates(tmp_path):
    source = DEALS + (
        "\n\ndef main(args):\n"
        "    return company_by_name(args.api_key, args.name)\n"
        "\n\nif __name__ == '__main__':\n"
        "    import argparse\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--api-key')\n"
        "    parser.add_argument('--name')\n"
        "    main(parser.parse_args())\n"
    )
    results = tree(tmp_path, {"deals.py": source})
    (site,) = key_sites(results["deals.py"])
    assert site.status == Status.REWRITE
    assert b"hapikey" not in results["deals.py"].new


def test_a_field_handed_to_another_modules_function_stays_manual(tmp_path):
    # review 24, R7: the caller in another module, nothing in the tree calling it
    tenants = (
        "import hub\n\n\ndef for_portal(portal, name):\n"
        "    return hub.company_by_name(portal.api_key, name)\n"
    )
    results = tree(tmp_path, {"hub.py": DEALS, "tenants.py": tenants})
    (site,) = key_sites(results["hub.py"])
    assert site.status == Status.MANUAL and "portal.api_key" in site.reason
    assert results["hub.py"].new is None and results["tenants.py"].new is None


def test_a_mapping_handed_down_is_the_requests_and_migrates(tmp_path):
    source = DEALS + (
        "\n\ndef handler(context, name):\n"
        "    return company_by_name(context['api_key'], name)\n"
    )
    results = tree(tmp_path, {"deals.py": source})
    (site,) = key_sites(results["deals.py"])
    assert site.status == Status.REWRITE

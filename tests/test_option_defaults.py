"""A command-line option defaulting to None handed to a facade whose key is
the caller's or the configured one: left unset, it takes the facade's default
(the provider's token) -- unless the module gives the option a value some other
way (``if not args.api_key: args.api_key = os.environ.get(...)``,
``parser.set_defaults(...)``, a second option of that destination): that key
would go out as a token (review 15's R7). Those stay manual."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.test_fallback_across import project
from tests.trees import key_sites, tree

CLI = """\
import argparse
import os
import sys

from crm.facade import HubSpot


def parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key", default=None)
{extra_parser}    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
{extra_main}    return HubSpot(api_key=args.api_key).owners.all()
"""


def files(extra_parser: str = "", extra_main: str = "") -> dict[str, str]:
    """test_fallback_across's hierarchy (a facade whose key is the caller's or
    the configured one) and a command line handing it ``args.api_key``."""
    cli = CLI.format(extra_parser=extra_parser, extra_main=extra_main)
    return project(**{"cli.py": cli})


@pytest.mark.parametrize(
    "extra_parser, extra_main",
    [
        (
            "",
            "    if not args.api_key:\n"
            '        args.api_key = os.environ.get("HUBSPOT_API_KEY")\n',
        ),
        (
            '    parser.set_defaults(api_key=os.environ.get("HUBSPOT_SANDBOX_KEY"))\n',
            "",
        ),
        (
            '    parser.add_argument("--sandbox", dest="api_key", action="store_const", const="x")\n',
            "",
        ),
    ],
    ids=["assigned_later", "set_defaults", "second_option"],
)
def test_an_option_given_a_value_elsewhere_stays_manual(
    tmp_path, extra_parser, extra_main
):
    results = tree(tmp_path, files(extra_parser, extra_main))
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert not any(r.changed for r in results.values())


def test_an_option_without_a_default_assigned_later_stays_manual(tmp_path):
    """``add_argument("--api-key")`` with no ``default=`` is None too, and a
    namespace handed to ``parse_args`` fills the option (review 16's S3)."""
    later = (
        "    if not args.api_key:\n"
        '        args.api_key = os.environ.get("HUBSPOT_API_KEY")\n'
    )
    for cli in (
        CLI.replace(
            'parser.add_argument("--api-key", default=None)',
            'parser.add_argument("--api-key", help="a key")',
        ),
        CLI.replace(
            "return parser.parse_args(argv)",
            "return parser.parse_args(argv, namespace=argparse.Namespace("
            'api_key=os.environ.get("HUBSPOT_API_KEY")))',
        ),
    ):
        project = files() | {"cli.py": cli.format(extra_parser="", extra_main=later)}
        results = tree(tmp_path, project)
        sites = [s for r in results.values() for s in key_sites(r)]
        assert sites and all(s.status == Status.MANUAL for s in sites)

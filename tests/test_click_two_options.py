"""A click group whose ``--hapikey`` (read from HUBSPOT_API_KEY) builds the client
every command uses, and a command with a second key option (``--to-hapikey``,
another portal given on the command line). The first option's value is only
handed to the client's constructor (``Exporter(hapikey)``): it reaches no other
credential, so the second command's key is the command line's, a token now,
and the option reads the token's variable. Stored where other commands read it
(``ctx.obj = {"hapikey": hapikey}``), it may reach them: manual, as before."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

CLIENT = """\
import requests

BASE = "https://api.hubapi.com"


class Exporter:
    def __init__(self, hapikey):
        self.hapikey = hapikey

    def owners(self):
        return requests.get(BASE + "/owners/v2/owners", params={"hapikey": self.hapikey}).json()

    def create_property(self, definition):
        return requests.post(
            BASE + "/properties/v1/deals/properties",
            params={"hapikey": self.hapikey},
            json=definition,
        ).status_code
"""
CLI = """\
import click

from app.client import Exporter


@click.group()
@click.option("--hapikey", envvar="HUBSPOT_API_KEY", required=True)
@click.pass_context
def cli(ctx, hapikey):
    ctx.obj = Exporter(hapikey)


@cli.command()
@click.pass_obj
def owners(exporter):
    for o in exporter.owners():
        click.echo(o["ownerId"])


@cli.command("copy")
@click.option("--to-hapikey", required=True)
@click.pass_obj
def copy(exporter, to_hapikey):
    Exporter(to_hapikey).create_property({"name": "x"})
"""
FILES = {"app/__init__.py": "", "app/client.py": CLIENT, "app/cli.py": CLI}


def test_the_group_option_only_builds_the_client(tmp_path):
    results = tree(tmp_path, FILES)
    statuses = {s.status for r in results.values() for s in key_sites(r)}
    assert statuses == {Status.REWRITE}
    cli = results["app/cli.py"].new.decode()
    assert 'envvar="HUBSPOT_ACCESS_TOKEN"' in cli


def test_it_behaves_as_before(tmp_path):
    project = {f"src/{n}": text for n, text in FILES.items()} | {
        "scenario.py": (
            '"""A CLI run with the key from the environment, and with a second'
            ' portal\'s key on the command line."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
            "RESPONSES = [\n"
            '    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},\n'
            "]\n\n\n"
            "def case_owners(credential):\n"
            "    from click.testing import CliRunner\n"
            "    from app.cli import cli\n\n"
            '    result = CliRunner().invoke(cli, ["owners"], catch_exceptions=False)\n'
            "    assert result.exit_code == 0, result.output\n\n\n"
            "def case_copy(credential):\n"
            "    from click.testing import CliRunner\n"
            "    from app.cli import cli\n\n"
            "    result = CliRunner().invoke(\n"
            '        cli, ["copy", "--to-hapikey", credential("key-other")],'
            " catch_exceptions=False\n"
            "    )\n"
            "    assert result.exit_code == 0, result.output\n"
        )
    }
    behaves(tmp_path / "cli", project, manual=0)


def test_an_option_stored_in_ctx_obj_keeps_the_commands_manual(tmp_path):
    stored = CLI.replace(
        "ctx.obj = Exporter(hapikey)", 'ctx.obj = {"hapikey": hapikey}'
    )
    stored = stored.replace(
        "def owners(exporter):\n    for o in exporter.owners():",
        'def owners(obj):\n    for o in Exporter(obj["hapikey"]).owners():',
    )
    results = tree(tmp_path, FILES | {"app/cli.py": stored})
    assert not any(r.changed for r in results.values())
    client = key_sites(results["app/client.py"])
    assert client and {s.status for s in client} == {Status.MANUAL}
    assert any("--hapikey option" in s.reason for s in client)


def test_an_option_stored_by_dict_keeps_the_commands_manual(tmp_path):
    """Review 18's T8: ``ctx.obj = dict(hapikey=hapikey)`` is a call argument too,
    and another command posted ``obj["hapikey"]`` to another host."""
    stored = CLI.replace(
        "ctx.obj = Exporter(hapikey)", "ctx.obj = dict(hapikey=hapikey)"
    )
    stored = stored.replace(
        "def owners(exporter):\n    for o in exporter.owners():",
        'def owners(obj):\n    for o in Exporter(obj["hapikey"]).owners():',
    )
    results = tree(tmp_path, FILES | {"app/cli.py": stored})
    assert not any(r.changed for r in results.values())


def test_an_option_also_handed_to_another_function_keeps_it_manual(tmp_path):
    """Review 18's T9: the group's key also went to a function posting it to
    another host; a variable named hapikey is no sign that a use is the key's."""
    announced = CLI.replace(
        "    ctx.obj = Exporter(hapikey)\n",
        "    ctx.obj = Exporter(hapikey)\n    announce(hapikey)\n",
    ).replace(
        "import click\n",
        "import click\nimport requests\n\n\ndef announce(key):\n"
        '    requests.post("https://sync.example.com/hooks", json={"hubspot_api_key": key})\n',
        1,
    )
    results = tree(tmp_path, FILES | {"app/cli.py": announced})
    assert not any(r.changed for r in results.values())
    client = key_sites(results["app/client.py"])
    assert client and {s.status for s in client} == {Status.MANUAL}


def test_an_option_stored_in_a_holder_class_keeps_the_commands_manual(tmp_path):
    """Review 18's T22: ``ctx.obj = Settings(hapikey=hapikey)`` with ``class
    Settings(dict)``, a holder, not a client: other commands read it."""
    stored = (
        CLI.replace(
            "ctx.obj = Exporter(hapikey)", "ctx.obj = Settings(hapikey=hapikey)"
        )
        .replace(
            "def owners(exporter):\n    for o in exporter.owners():",
            'def owners(obj):\n    for o in Exporter(obj["hapikey"]).owners():',
        )
        .replace(
            "@click.group()",
            'class Settings(dict):\n    """The command line\'s settings."""\n\n\n@click.group()',
            1,
        )
    )
    results = tree(tmp_path, FILES | {"app/cli.py": stored})
    assert not any(r.changed for r in results.values())

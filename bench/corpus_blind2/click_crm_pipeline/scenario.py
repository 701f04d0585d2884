"""A tidy click CLI (2020-ish): a settings dataclass built by a factory
(`build_settings`) in the group callback, handed to subcommands through `ctx.obj`
(`@click.pass_obj` and `ctx.obj`); the key comes from `--api-key` (envvar
HUBSPOT_API_KEY) and is put on a `requests.Session` as `session.params`; a generator
follows `paging.next.after` on CRM v3 objects, batch read/update endpoints take JSON
bodies in chunks; an optional Slack webhook gets a summary."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK": "https://hooks.slack.com/services/T1/B2/xyz",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts.*after=p2",
        "json": {"results": [{"id": "3", "properties": {"email": "c@x.io"}}]},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts",
        "json": {
            "results": [
                {"id": "1", "properties": {"email": "a@x.io"}},
                {"id": "2", "properties": {"email": "b@x.io"}},
            ],
            "paging": {"next": {"after": "p2"}},
        },
    },
    {
        "method": "POST",
        "url": r"/crm/v3/objects/\w+/batch/read",
        "json": {
            "results": [
                {"id": "1", "properties": {"crmpipe_tag": "vip"}},
                {"id": "2", "properties": {}},
            ]
        },
    },
    {
        "method": "POST",
        "url": r"/crm/v3/objects/\w+/batch/update",
        "json": {"results": [{"id": "2"}]},
    },
]


def _run(args):
    from crmpipe.cli import cli

    cli.main(args, prog_name="crmpipe", standalone_mode=False)


def case_export_contacts(credential):
    import os
    import tempfile

    out = os.path.join(tempfile.mkdtemp(), "contacts.csv")
    _run(["export", "contacts", "--out", out, "--prop", "email"])
    with open(out) as handle:
        assert len(handle.read().splitlines()) == 4


def case_tag_companies(credential):
    _run(["tag", "companies", "1", "2", "--tag", "vip"])


def case_tag_dry_run(credential):
    _run(["--dry-run", "tag", "deals", "1", "2", "--tag", "vip"])


def case_client_key_on_command_line(credential):
    _run(["--api-key", credential("client"), "export", "companies"])

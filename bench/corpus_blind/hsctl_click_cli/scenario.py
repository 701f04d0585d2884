"""A click CLI (2020) published on PyPI: `--api-key` (envvar HUBSPOT_API_KEY) lands in
the click context, `_client(ctx)` builds `Client(api_key)` whose `_url(path, **query)`
puts the key into `urlencode(query)`; commands export contacts (v1, vid-offset paging),
list properties (v1) and forms (v2), add an engagement note, and submit a form to
api.hsforms.com (no key). One case passes the key on the command line."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=0",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.com"}}}],
              "has-more": True, "vid-offset": 7}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 7, "properties": {}}], "has-more": False, "vid-offset": 8}},
    {"method": "GET", "url": r"/properties/v1/deals/properties",
     "json": [{"name": "amount", "type": "number"}]},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"guid": "g-1", "name": "Contact us"}]},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 55}}},
    {"method": "POST", "url": r"api\.hsforms\.com", "json": {"inlineMessage": "Thanks"}},
]


def _run(args):
    from click.testing import CliRunner
    from hsctl.cli import cli
    result = CliRunner().invoke(cli, args, obj={}, env={})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def case_export(credential):
    out = _run(["contacts", "export", "-p", "email", "-p", "firstname"])
    assert out.count("\n") >= 3, out


def case_properties_forms_note(credential):
    assert "amount\tnumber" in _run(["properties", "deals"])
    assert "g-1\tContact us" in _run(["forms", "list"])
    assert "engagement 55" in _run(["note", "7", "called back"])


def case_explicit_key(credential):
    _run(["--api-key", credential("client"), "forms", "list"])


def case_submit_form(credential):
    assert "submitted: 200" in _run(["forms", "submit", "62515", "g-1", "-f", "email=a@x.com"])

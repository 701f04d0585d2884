"""A ``functools.partial`` binding the key that other modules import and call
(issue #12): blind7 csv_batch_importer ``importer/api.py:10`` (``post =
functools.partial(requests.post, params={"hapikey": API_KEY}, timeout=30)``,
called as ``post(BASE + path, json=...)`` in ``contacts.py`` and ``deals.py``)
was left manual at every call ("the value is called at line 26 (a
functools.partial() of another module?)").

- Every read in every module a call that keeps the partial's arguments and
  sends to HubSpot: the partial drops the key and gets the header, its callers
  stay as they are, every site migrates and the project sends the same
  requests with the token (behaviour harness). So for a partial its own
  module calls too (tests/test_partials.py).
- One read that does not keeps the partial and every call as they were, each a
  manual site, the reason naming the blocking call: ``headers=`` (replaces the
  partial's), ``params=`` (that call sent no key), ``auth=``, another host, a
  URL the source does not tell, the partial handed on as a value, a
  developer-key API beside token ones; so does a partial listed in
  ``__all__`` (code outside the tree may call it), one binding the URL too, and
  one made at import with a provider that is not an environment variable;
  and a partial its own module calls too, called elsewhere with ``headers=``.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

API = """\
import functools
import os

import requests

BASE = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY")

post = functools.partial(requests.post, params={"hapikey": API_KEY}, timeout=30)
"""

CONTACTS = """\
from .api import BASE, post


def import_contacts(payload):
    return post(BASE + "/contacts/v1/contact/batch/", json=payload).status_code
"""

DEALS = """\
from crm import api


def create_deal(props):
    resp = api.post(api.BASE + "/crm/v3/objects/deals", json={"properties": props})
    return resp.json()["id"]
"""

SCENARIO = '''\
"""A partial binding the key, called by other modules."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "body": ""},
    {"method": "POST", "url": r"/crm/v3/objects/deals", "json": {"id": "d1"}},
]


def case_import(credential):
    from crm import contacts, deals

    assert contacts.import_contacts([{"email": "a@x.io"}]) == 202
    assert deals.create_deal({"dealname": "x"}) == "d1"
'''


def files(api: str = API, contacts: str = CONTACTS, deals: str = DEALS) -> dict:
    return {
        "crm/__init__.py": "",
        "crm/api.py": api,
        "crm/contacts.py": contacts,
        "crm/deals.py": deals,
    }


def project(**given: str) -> dict[str, str]:
    found = {f"src/{name}": text for name, text in files(**given).items()}
    found["scenario.py"] = SCENARIO
    return found


def test_a_partial_only_other_modules_call_gets_the_header(tmp_path):
    out = migrate(tmp_path, files())
    statuses, text, reasons = out["crm/api.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert (
        "post = functools.partial(requests.post, timeout=30, headers="
        # made at import, from a key read leniently: so is the token (R12)
        '{"Authorization": "Bearer " + os.environ.get("HUBSPOT_ACCESS_TOKEN", "")})'
    ) in text
    for reader, before in (("crm/contacts.py", CONTACTS), ("crm/deals.py", DEALS)):
        statuses, text, reasons = out[reader]
        assert statuses == [Status.REWRITE], reasons
        assert text == before  # the calls send the partial's header as they are


def test_the_project_behaves_the_same_with_the_token(tmp_path):
    behaves(tmp_path, project(), manual=0)


def _kept(tmp_path, given: dict[str, str], *words: str) -> None:
    """Every file as it was, every key site manual, one naming ``words``."""
    out = migrate(tmp_path, files(**given))
    for name, text in files(**given).items():
        statuses, after, reasons = out[name]
        assert after == text, name
        assert all(s == Status.MANUAL for s in statuses), (name, reasons)
    said = " ".join(r for _, _, reasons in out.values() for r in reasons)
    for word in words:
        assert word in said, (word, said)
    assert out["crm/api.py"][0] == [Status.MANUAL]


def test_a_call_passing_headers_keeps_it(tmp_path):
    contacts = CONTACTS.replace("json=payload)", 'json=payload, headers={"X": "1"})')
    _kept(tmp_path, {"contacts": contacts}, "passes headers=", "contacts.py:5")


def test_a_call_passing_params_keeps_it(tmp_path):
    """That call's params replace the bound ones: it sent no key."""
    contacts = CONTACTS.replace("json=payload)", 'json=payload, params={"a": 1})')
    _kept(tmp_path, {"contacts": contacts}, "passes params=", "no key was sent")


def test_a_call_passing_auth_keeps_it(tmp_path):
    contacts = CONTACTS.replace("json=payload)", 'json=payload, auth=("u", "p"))')
    _kept(tmp_path, {"contacts": contacts}, "passes auth=")


def test_a_call_to_another_host_keeps_it(tmp_path):
    contacts = CONTACTS.replace(
        'BASE + "/contacts/v1/contact/batch/"', '"https://hooks.example.com/in"'
    )
    _kept(tmp_path, {"contacts": contacts}, "sends to hooks.example.com")


def test_a_call_whose_url_the_source_does_not_tell_keeps_it(tmp_path):
    contacts = CONTACTS.replace(
        "def import_contacts(payload):", "def import_contacts(payload, url):"
    ).replace('BASE + "/contacts/v1/contact/batch/"', "url")
    _kept(tmp_path, {"contacts": contacts}, "whose host the source does not tell")


def test_the_partial_handed_on_keeps_it(tmp_path):
    contacts = CONTACTS + (
        "\n\ndef send_all(urls):\n    return list(map(post, urls))\n"
    )
    _kept(tmp_path, {"contacts": contacts}, "passed to map()", "its calls are not seen")


def test_a_developer_api_beside_token_apis_keeps_it(tmp_path):
    """A webhooks settings call keeps its developer key; the partial sends the
    same key to both: it cannot change for one."""
    contacts = CONTACTS.replace(
        '"/contacts/v1/contact/batch/"', '"/webhooks/v1/123/settings"'
    )
    out = migrate(tmp_path, files(contacts=contacts))
    for name, text in files(contacts=contacts).items():
        assert out[name][1] == text, name
    assert out["crm/api.py"][0] == [Status.MANUAL], out["crm/api.py"][2]
    assert Status.REWRITE not in out["crm/deals.py"][0], out["crm/deals.py"][2]


def test_a_form_submission_through_it_keeps_it(tmp_path):
    """A review: the form call was reported "no token added" while the
    partial's header reached it: a form submission takes no credential."""
    contacts = CONTACTS.replace(
        'BASE + "/contacts/v1/contact/batch/"',
        '"https://forms.hubspot.com/uploads/form/v2/62515/a3d8e1f0"',
    )
    _kept(tmp_path, {"contacts": contacts}, "form submission")


def test_a_partial_listed_in_all_keeps_it(tmp_path):
    api = API + '\n__all__ = ["BASE", "post"]\n'
    _kept(tmp_path, {"api": api}, "listed in __all__")


def test_a_partial_binding_the_url_too_keeps_it(tmp_path):
    api = API.replace(
        "functools.partial(requests.post, ",
        'functools.partial(requests.post, BASE + "/contacts/v1/contact/batch/", ',
    )
    contacts = CONTACTS.replace('post(BASE + "/contacts/v1/contact/batch/", ', "post(")
    deals = DEALS.replace('api.BASE + "/crm/v3/objects/deals", ', "")
    _kept(
        tmp_path,
        {"api": api, "contacts": contacts, "deals": deals},
        "binds the URL too",
    )


def test_a_partial_made_at_import_with_a_provider_function_keeps_it(tmp_path):
    """The token would be read once, at import: a provider that renews it
    (not an environment variable) would not be asked again."""
    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions

    for name, text in files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    options = RunOptions(provider=providers.resolve("tokens:get_token"))
    paths = sorted(str(tmp_path / name) for name in files())
    results = {r.path: r for r in run.results(paths, options, jobs=1)}
    for name in files():
        result = results[str(tmp_path / name)]
        assert not result.changed, name
    reasons = [s.reason for r in results.values() for s in r.sites]
    assert any("made once, at import" in r for r in reasons), reasons


def test_a_partial_called_here_and_elsewhere_keeps_it_for_one_call(tmp_path):
    """The partial's own calls could migrate; a call in another module passing
    ``headers=`` keeps it, so every call stays as it was."""
    api = API + (
        "\n\ndef owners():\n"
        '    return post(BASE + "/crm/v3/objects/owners/search", json={}).json()\n'
    )
    contacts = CONTACTS.replace("json=payload)", 'json=payload, headers={"X": "1"})')
    _kept(tmp_path, {"api": api, "contacts": contacts}, "passes headers=")


def test_a_form_in_its_own_module_keeps_it(tmp_path):
    """A review: the own module's form call dropped the key and gave the
    partial no header, while other modules' calls counted on the header."""
    api = API + (
        '\nFORM_URL = "https://forms.hubspot.com/uploads/form/v2/62515/a3d8e1f0"\n\n\n'
        "def submit_lead(email):\n"
        '    return post(FORM_URL, data={"email": email}).status_code\n'
    )
    _kept(tmp_path, {"api": api}, "form submission", "separate functions")

"""Another service's Authorization header beside the key (round 15): a Slack
message or an Airtable row sent with its own credential in the function that
sends the key to HubSpot says nothing about HubSpot's auth, so the site
migrates, the token going per request (``headers={**headers, ...}``) and never
into the dict the other service's request sends
(:mod:`hapimigrate.analysis.other_auth`). A commented-out Authorization line
is no credential either.

What stays manual: a dict with the other credential that may also reach a
HubSpot request (one dict sent to both, mutated between, in a loop, bound in a
branch), a request whose host is known only at run time, a dict handed to a
helper, and the real dual mode (each verb sends the caller's OAuth token, one
the key: a person decides which credential it gets)."""

from __future__ import annotations

import textwrap

from hapimigrate.fixers.attach import EXISTING_AUTH
from hapimigrate.model import Status
from tests.trees import migrate

TOKEN = '{**headers, "Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'

# sample 5's fwdform app.py, cut down: the headers dict rebuilt after the
# HubSpot POST with Slack's Authorization, in each branch of a Flask view
FLASK_SLACK = """\
import json
import os

import requests
from flask import Flask, request

app = Flask(__name__)
hapikey = os.environ.get("HUBSPOT_API_KEY")
slack_auth_key = os.environ.get("SLACK_AUTH_KEY")


@app.route("/submit", methods=["POST"])
def submit():
    email = request.form.get("email")
    if request.form.get("kind") == "contact":
        hubspot_endpoint = "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/" + email + "?hapikey=" + hapikey
        headers = {}
        headers["Content-Type"] = "application/json"
        data = json.dumps({"properties": [{"property": "email", "value": email}]})
        r = requests.post(url=hubspot_endpoint, data=data, headers=headers)
        print(r.status_code)

        slack_endpoint = "https://slack.com/api/chat.postMessage"
        headers = {}
        headers["Content-Type"] = "application/json"
        headers["Authorization"] = slack_auth_key
        data = json.dumps({"channel": "C1", "text": email + " wrote"})
        r = requests.post(url=slack_endpoint, data=data, headers=headers)
        print(r.status_code)
    else:
        hubspot_endpoint = "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/" + email + "?hapikey=" + hapikey
        headers = {}
        headers["Content-Type"] = "application/json"
        data = json.dumps({"properties": [{"property": "newsletter", "value": "Yes"}]})
        r = requests.post(url=hubspot_endpoint, data=data, headers=headers)

        slack_endpoint = "https://slack.com/api/chat.postMessage"
        headers = {}
        headers["Content-Type"] = "application/json"
        headers["Authorization"] = slack_auth_key
        data = json.dumps({"channel": "C2", "text": email + " subscribed"})
        r = requests.post(url=slack_endpoint, data=data, headers=headers)
    return "ok"
"""

# a sync script of a package: the key from its settings module, an Airtable
# row read with the Airtable credential in a dict literal, a Slack webhook
# with its credential written at the request, a GitHub call with auth=
SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n'
AIRTABLE_SYNC = """\
import os

import requests

from crmsync.settings import HUBSPOT_API_KEY

AIRTABLE_KEY = os.environ["AIRTABLE_KEY"]


def sync(record_id):
    airtable = {"Authorization": f"Bearer {AIRTABLE_KEY}", "Accept": "application/json"}
    row = requests.get("https://api.airtable.com/v0/app1/Leads/" + record_id, headers=airtable).json()
    requests.get("https://api.github.com/user", auth=("bot", os.environ["GH_TOKEN"]))
    headers = {"Content-Type": "application/json"}
    response = requests.post(
        "https://api.hubapi.com/crm/v3/objects/contacts",
        params={"hapikey": HUBSPOT_API_KEY},
        json={"properties": {"email": row["fields"]["Email"]}},
        headers=headers,
    )
    requests.post(
        "https://hooks.slack.com/services/T0/B0/X",
        json={"text": "synced"},
        headers={"Authorization": "Bearer " + os.environ["SLACK_TOKEN"]},
    )
    return response.json()
"""

# sample 5's Django view: an empty token and a commented-out Authorization
# entry beside the keyed request; the module's OAuth client logs users in
COMMENTED = """\
import requests
from authlib.integrations.django_client import OAuth
from django.http import HttpResponse

oauth = OAuth()
oauth.register("hubspot")


def deals(request):
    HUBSPOT_TOKEN = ''
    access_token = None
    url = "https://api.hubapi.com/crm/v3/objects/deals/search" + "?hapikey=" + KEY
    headers = {
        "Content-Type": "application/json",
    #   'Authorization': 'Bearer ' + HUBSPOT_TOKEN
    }
    response = requests.request("POST", url=url, headers=headers, data="{}")
    return HttpResponse(response.content)
"""


def _site(tmp_path, files: dict[str, str], name: str):
    out = migrate(tmp_path, files)
    statuses, text, reasons = out[name]
    return statuses, text, reasons


def _manual(tmp_path, source: str, *words: str) -> None:
    statuses, text, reasons = _site(tmp_path, {"app.py": source}, "app.py")
    assert statuses and all(s == Status.MANUAL for s in statuses), (statuses, reasons)
    assert text == source
    for word in words:
        assert all(word in r for r in reasons), (word, reasons)


# -- migrated -------------------------------------------------------------------


def test_slack_headers_rebuilt_after_the_hubspot_post_migrate(tmp_path):
    statuses, text, reasons = _site(tmp_path, {"app.py": FLASK_SLACK}, "app.py")
    assert statuses == [Status.REWRITE, Status.REWRITE], reasons
    assert "hapikey" not in text
    # the token per HubSpot request, a new dict: never in the dict Slack gets
    assert (
        text.count(f"requests.post(url=hubspot_endpoint, data=data, headers={TOKEN})")
        == 2
    )
    assert (
        text.count("requests.post(url=slack_endpoint, data=data, headers=headers)") == 2
    )
    assert text.count('headers["Authorization"] = slack_auth_key') == 2


def test_airtable_slack_and_github_credentials_beside_the_key_migrate(tmp_path):
    files = {
        "crmsync/__init__.py": "",
        "crmsync/settings.py": SETTINGS,
        "crmsync/sync.py": AIRTABLE_SYNC,
    }
    statuses, text, reasons = _site(tmp_path, files, "crmsync/sync.py")
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text
    assert 'headers={**headers, "Authorization": ' in text
    # the other services' requests as they were
    assert "headers=airtable).json()" in text
    assert 'auth=("bot", os.environ["GH_TOKEN"])' in text
    assert 'headers={"Authorization": "Bearer " + os.environ["SLACK_TOKEN"]},' in text


def test_a_commented_out_authorization_is_no_credential(tmp_path):
    source = COMMENTED.replace("KEY\n", 'os.environ["HUBSPOT_API_KEY"]\n', 1)
    source = "import os\n\n" + source
    statuses, text, reasons = _site(tmp_path, {"app.py": source}, "app.py")
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text
    assert f"headers={TOKEN}" in text
    assert "#   'Authorization': 'Bearer ' + HUBSPOT_TOKEN" in text


CLASS_CLIENT = """\
import os

import requests


class Notifier:
    def __init__(self):
        self.hapikey = os.environ["HUBSPOT_API_KEY"]
        self.slack_token = os.environ["SLACK_TOKEN"]

    def new_lead(self, email):
        url = "https://api.hubapi.com/contacts/v1/contact/?hapikey=" + self.hapikey
        headers = {"Content-Type": "application/json"}
        requests.post(url, json={"properties": []}, headers=headers)
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.slack_token}
        slack_url = "https://slack.com/api/chat.postMessage"
        requests.post(slack_url, json={"text": email}, headers=headers)
"""


def test_a_class_rebinding_its_headers_for_slack_migrates(tmp_path):
    # the HubSpot request's headers= name is bound twice: the request sees
    # the first dict only, the Slack one is bound after it
    statuses, text, reasons = _site(tmp_path, {"client.py": CLASS_CLIENT}, "client.py")
    assert statuses == [Status.REWRITE], reasons
    assert f"headers={TOKEN})" in text
    assert 'requests.post(slack_url, json={"text": email}, headers=headers)' in text


SCRIPT = """\
import json
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]
SLACK = os.environ["SLACK_BOT_TOKEN"]

for email in open("leads.txt").read().split():
    headers = {"Content-Type": "application/json"}
    r = requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, data=json.dumps({"email": email}), headers=headers)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + SLACK}
    requests.post("https://slack.com/api/chat.postMessage", data=json.dumps({"text": email}), headers=headers)
"""


def test_a_scripts_loop_rebinding_its_headers_for_slack_migrates(tmp_path):
    # a script (nobody imports it): its top level is one run's, as a function
    statuses, text, reasons = _site(
        tmp_path, {"sync_leads.py": SCRIPT}, "sync_leads.py"
    )
    assert statuses == [Status.REWRITE], reasons
    assert f"headers={TOKEN})" in text
    assert (
        'headers = {"Content-Type": "application/json", "Authorization": "Bearer " + SLACK}'
        in text
    )


ENV_TOKEN = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def announce(email):
    requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={})
    slack_token = os.environ["SLACK_ACCESS_TOKEN"]
    headers = {"Authorization": "Bearer " + slack_token}
    requests.post("https://slack.com/api/chat.postMessage", json={"text": email}, headers=headers)
"""


def test_a_slack_access_token_read_for_the_slack_request_only_migrates(tmp_path):
    statuses, text, reasons = _site(tmp_path, {"app.py": ENV_TOKEN}, "app.py")
    assert statuses == [Status.REWRITE], reasons
    assert 'slack_token = os.environ["SLACK_ACCESS_TOKEN"]' in text


# -- manual ---------------------------------------------------------------------


def test_one_dict_sent_to_slack_and_to_hubspot_stays_manual(tmp_path):
    source = textwrap.dedent("""\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        def notify(email, slack_token):
            headers = {"Content-Type": "application/json"}
            headers["Authorization"] = slack_token
            requests.post("https://slack.com/api/chat.postMessage", json={"text": email}, headers=headers)
            requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={}, headers=headers)
        """)
    _manual(tmp_path, source, EXISTING_AUTH)


def test_slack_credential_added_after_the_hubspot_post_of_the_same_dict_stays_manual(
    tmp_path,
):
    # one dict: sent to HubSpot, then given Slack's credential (in a loop the
    # next HubSpot request would carry it): the tool does not follow the order
    source = textwrap.dedent("""\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        def notify(emails, slack_token):
            headers = {"Content-Type": "application/json"}
            for email in emails:
                requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={}, headers=headers)
                headers["Authorization"] = slack_token
                requests.post("https://slack.com/api/chat.postMessage", json={"text": email}, headers=headers)
        """)
    _manual(tmp_path, source, EXISTING_AUTH)


def test_a_credential_dict_bound_in_a_branch_stays_manual(tmp_path):
    # which dict the HubSpot request sends depends on the branch taken
    source = textwrap.dedent("""\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        def notify(email, slack_token, loud):
            headers = {}
            if loud:
                headers = {"Authorization": slack_token}
                requests.post("https://slack.com/api/chat.postMessage", json={"text": email}, headers=headers)
            requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={}, headers=headers)
        """)
    _manual(tmp_path, source, EXISTING_AUTH)


def test_a_credential_sent_to_a_host_known_at_run_time_stays_manual(tmp_path):
    # the "other" request's URL comes from the caller: it may be HubSpot's
    source = textwrap.dedent("""\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        def notify(email, webhook_url, token):
            requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={})
            headers = {"Authorization": "Bearer " + token}
            requests.post(webhook_url, json={"text": email}, headers=headers)
        """)
    _manual(tmp_path, source, EXISTING_AUTH)


def test_a_credential_dict_handed_to_a_helper_stays_manual(tmp_path):
    source = textwrap.dedent("""\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        def post(url, headers):
            return requests.post(url, headers=headers)


        def notify(email, token):
            requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={})
            headers = {"Authorization": "Bearer " + token}
            post("https://slack.com/api/chat.postMessage", headers)
        """)
    _manual(tmp_path, source, EXISTING_AUTH)


def test_the_slack_dict_bound_before_the_hubspot_request_stays_manual(tmp_path):
    # the same binding reaches both requests
    source = CLASS_CLIENT.replace(
        '        headers = {"Content-Type": "application/json"}\n', ""
    ).replace(
        '        requests.post(url, json={"properties": []}, headers=headers)\n'
        '        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.slack_token}\n',
        '        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.slack_token}\n'
        '        requests.post(url, json={"properties": []}, headers=headers)\n',
    )
    assert source != CLASS_CLIENT
    statuses, text, reasons = _site(tmp_path, {"client.py": source}, "client.py")
    assert statuses == [Status.MANUAL], reasons
    assert text == source


def test_an_aliased_or_returned_credential_dict_stays_manual(tmp_path):
    for tail in (
        "            sent = headers\n            return sent\n",
        "            return headers\n",
    ):
        source = textwrap.dedent("""\
            import os

            import requests

            KEY = os.environ["HUBSPOT_API_KEY"]


            def notify(email, token):
                requests.post("https://api.hubapi.com/contacts/v1/contact/?hapikey=" + KEY, json={})
                headers = {"Authorization": "Bearer " + token}
                requests.post("https://slack.com/api/chat.postMessage", headers=headers)
            """) + tail.replace("            ", "    ")
        _manual(tmp_path, source, EXISTING_AUTH)


def test_a_scripts_slack_dict_the_next_pass_sends_to_hubspot_stays_manual(tmp_path):
    # bound once before the loop: the second HubSpot request sends Slack's dict
    source = SCRIPT.replace(
        'for email in open("leads.txt").read().split():\n'
        '    headers = {"Content-Type": "application/json"}\n',
        'headers = {"Content-Type": "application/json"}\n'
        'for email in open("leads.txt").read().split():\n',
    )
    assert source != SCRIPT
    statuses, text, reasons = _site(
        tmp_path, {"sync_leads.py": source}, "sync_leads.py"
    )
    assert statuses == [Status.MANUAL], reasons
    assert text == source


def test_a_module_whose_headers_others_may_read_stays_manual(tmp_path):
    # imported by another module (not a script), or its function reads the
    # global headers: the Slack dict may reach more than this top level
    for files, name in (
        ({"leads.py": SCRIPT, "main.py": "import leads\n"}, "leads.py"),
        (
            {
                "sync_leads.py": SCRIPT
                + "\n\ndef again():\n    return requests.get('https://api.hubapi.com/x', headers=headers)\n"
            },
            "sync_leads.py",
        ),
    ):
        statuses, text, reasons = _site(tmp_path / name / str(len(files)), files, name)
        assert statuses and all(s == Status.MANUAL for s in statuses), reasons
        assert text == files[name]


def test_an_access_token_also_sent_to_hubspot_stays_manual(tmp_path):
    # the same token read goes to the HubSpot request too: an OAuth mode
    source = ENV_TOKEN.replace(
        'json={})\n    slack_token = os.environ["SLACK_ACCESS_TOKEN"]\n',
        'json={})\n    slack_token = os.environ["SLACK_ACCESS_TOKEN"]\n'
        '    requests.get("https://api.hubapi.com/crm/v3/owners", headers={"X-Token": slack_token})\n',
    )
    assert source != ENV_TOKEN
    _manual(tmp_path, source, EXISTING_AUTH)


def test_a_live_empty_token_in_the_hubspot_headers_stays_manual(tmp_path):
    # the entry is not commented out: the HubSpot request sends it
    source = "import os\n\n" + COMMENTED.replace(
        "KEY\n", 'os.environ["HUBSPOT_API_KEY"]\n', 1
    ).replace("    #   'Authorization'", "        'Authorization'")
    _manual(tmp_path, source, EXISTING_AUTH)


def test_the_verbs_oauth_token_beside_a_graphql_key_stays_manual(tmp_path):
    # sample 5's hubspot_request(): every verb sends the caller's OAuth token
    # to HubSpot, GRAPHQL the hapikey: a person decides which it gets
    source = textwrap.dedent("""\
        import os

        import requests


        def hubspot_request(access_token, url, verb="GET", **kwargs):
            header = {
                "Content-Type": "application/json",
                "Authorization": "Bearer " + access_token,
            }
            match verb:
                case "GET":
                    return requests.get(url, headers=header)
                case "POST":
                    return requests.post(url, headers=header, json=kwargs.get("data", {}))
                case "GRAPHQL":
                    return requests.post(url + "?hapikey=" + os.getenv("HAPIKEY"), json=kwargs.get("data", {}))
        """)
    _manual(tmp_path, source)


def test_a_tenants_key_or_token_from_its_secret_stays_manual(tmp_path):
    # sample 4's lambda: each customer's secret holds a hapikey or a token
    source = textwrap.dedent("""\
        import requests


        def _headers(token, auth_type):
            if auth_type == "bearer":
                return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            return {"Content-Type": "application/json"}


        def _params(token, auth_type):
            return {"hapikey": token} if auth_type == "hapikey" else {}


        def get(token, auth_type, path):
            r = requests.get(
                "https://api.hubapi.com" + path,
                headers=_headers(token, auth_type),
                params=_params(token, auth_type),
            )
            return r.json()
        """)
    _manual(tmp_path, source)


# -- behaviour ------------------------------------------------------------------

DRIVER = """\
import sys

sys.modules["flask"] = type(sys)("flask")
sys.modules["flask"].Flask = lambda name: type("App", (), {"route": lambda self, *a, **k: (lambda f: f)})()


class Form(dict):
    pass


sys.modules["flask"].request = type("Request", (), {"form": Form(email="a@example.com", kind="contact")})()
import app

app.submit()
app.request.form["kind"] = "newsletter"
app.submit()
"""


def test_the_token_reaches_hubspot_requests_only(tmp_path):
    import os
    import subprocess
    import sys

    from tests.hubspot_standin import StandIn

    statuses, text, _ = _site(tmp_path / "src", {"app.py": FLASK_SLACK}, "app.py")
    assert statuses == [Status.REWRITE, Status.REWRITE]
    run = tmp_path / "run"
    run.mkdir()
    with StandIn("tok-main", "devkey") as hubspot, StandIn("xoxb", "-") as slack:
        code = text.replace("https://api.hubapi.com", hubspot.url)
        code = code.replace("https://slack.com", slack.url)
        (run / "app.py").write_text(code)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT_")},
            "HUBSPOT_ACCESS_TOKEN": "tok-main",
            "SLACK_AUTH_KEY": "Bearer xoxb",
        }
        done = subprocess.run(
            [sys.executable, "-c", DRIVER],
            cwd=run,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        hubspot_seen, slack_seen = list(hubspot.seen), list(slack.seen)
    assert [s.path for s in hubspot_seen] == [
        "/contacts/v1/contact/createOrUpdate/email/a@example.com"
    ] * 2
    assert all(s.authorization == "Bearer tok-main" for s in hubspot_seen)
    assert all(s.hapikey is None for s in hubspot_seen)
    assert [s.path for s in slack_seen] == ["/api/chat.postMessage"] * 2
    assert all(s.authorization == "Bearer xoxb" for s in slack_seen)
    assert all("tok-main" not in s.raw for s in slack_seen)

"""Signs of another way to authenticate are read in a function's own code:
its parameters and body, not the comments above its ``def`` (LibCST hangs
them on the function: ``# FEEDLY_API_ACCESS_TOKEN = ...`` left from the code
before it made a Celery task "already send an Authorization header on
another path", real sample 3)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

TASKS = """\
import requests

HUBSPOT_API_KEY = "00000000-0000-0000-0000-000000000000"


# FEEDLY_API_CLIENT_ID = "feedlydev"
# FEEDLY_API_ACCESS_TOKEN = "REDACTED"

def create_or_update_contact(email, data):
    endpoint = "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/" + email \\
               + "/?hapikey=" + HUBSPOT_API_KEY
    headers = {"Content-Type": "application/json"}
    return requests.post(url=endpoint, data=data, headers=headers)
"""


def test_comments_above_a_function_are_no_sign_of_another_auth(tmp_path):
    result = tree(tmp_path, {"tasks.py": TASKS})["tasks.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    assert "hapikey" not in result.new.decode()


def test_a_parameter_named_for_a_token_is_still_a_sign(tmp_path):
    source = TASKS.replace(
        "def create_or_update_contact(email, data):",
        "def create_or_update_contact(email, data, access_token=None):",
    ).replace(
        '    headers = {"Content-Type": "application/json"}\n',
        '    headers = {"Content-Type": "application/json"}\n'
        "    if access_token:\n"
        '        headers["Authorization"] = "Bearer " + access_token\n',
    )
    result = tree(tmp_path, {"tasks.py": source})["tasks.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]


def test_a_decorator_naming_oauth_is_still_a_sign(tmp_path):
    # review 21's R7: dropping the decorators with the comments let a
    # decorator adding its own Bearer header be overwritten by the token
    source = TASKS.replace(
        "def create_or_update_contact(email, data):",
        "@with_oauth\ndef create_or_update_contact(email, data, headers=None):",
    ).replace("import requests\n", "import requests\n\nfrom auth import with_oauth\n")
    result = tree(
        tmp_path, {"tasks.py": source, "auth.py": "def with_oauth(f):\n    return f\n"}
    )
    assert [s.status for s in key_sites(result["tasks.py"])] == [Status.MANUAL]

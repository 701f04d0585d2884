"""A published script whose key was replaced by words in braces
(``?hapikey={removed for security}``), its URL sent as written: the braces are
the key's text, not a template's field (nothing formats the URL). The site
migrates like any written-out key, and the words are no key to revoke. A
real field (``{key}``, ``{}``) filled by ``.format`` stays a template."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

REDACTED = """\
import requests


def create_task(task, task_id, company_id):
    url = "https://api.hubapi.com/crm/v3/objects/tasks?hapikey={removed for security}"
    created = requests.post(url, json=task)
    url = (
        "https://api.hubapi.com/crm/v3/objects/tasks/" + task_id
        + "/associations/companies/" + company_id + "/192?hapikey={removed for security}"
    )
    requests.put(url, json=task)
    return created
"""


def test_words_in_braces_where_the_key_was_are_the_keys_text(tmp_path):
    result = tree(tmp_path, {"tasks.py": REDACTED})["tasks.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE, Status.REWRITE]
    assert not any(s.hardcoded_key for s in sites)  # no key to revoke
    text = result.new.decode()
    assert "hapikey" not in text and "removed for security" not in text
    assert '"/192"' in text and text.count('"Authorization": "Bearer "') == 2


def test_a_real_field_sent_unformatted_stays_manual(tmp_path):
    source = REDACTED.replace("{removed for security}", "{api_key}")
    result = tree(tmp_path, {"tasks.py": source})["tasks.py"]
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}
    assert result.new is None


def test_redacted_keys_behave(tmp_path):
    files = {
        "src/tasks.py": REDACTED,
        "scenario.py": (
            '"""A script published with its key removed."""\n'
            "ENV = {}\n\n\n"
            "def case_task(credential):\n    import tasks\n\n"
            '    tasks.create_task({"properties": {}}, "11", "22")\n'
        ),
    }
    behaves(tmp_path / "redacted", files, manual=0)

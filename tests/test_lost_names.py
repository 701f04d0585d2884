"""No rewrite leaves a name its new code reads unbound (real sample 4: a
script's ``hubspotApiKey = sys.argv[3]`` was deleted as "read by nothing",
its ``.format`` argument cut, while the new header sent ``"Bearer " +
hubspotApiKey``: NameError at the request)."""

from __future__ import annotations

from hapimigrate.model import Status
from hapimigrate.python.lost_names import lost
from tests.trees import behaves, key_sites, tree

SCRIPT = """\
import json
import sys

import requests

if len(sys.argv) != 4:
    sys.exit(1)

title = sys.argv[1]
hubspotApiKey = sys.argv[2]
hubspotBlogId = sys.argv[3]

hubspotUrl = "https://api.hubapi.com/content/api/v2/blog-posts?hapikey={}".format(hubspotApiKey)
body = {"name": title, "content_group_id": hubspotBlogId}
headers = {"Content-Type": "application/json"}
response = requests.request("POST", hubspotUrl, data=json.dumps(body), headers=headers)
print(response.status_code)
"""


def test_a_command_line_key_sent_as_the_token_keeps_its_definition(tmp_path):
    result = tree(tmp_path, {"post.py": SCRIPT})["post.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    text = result.new.decode()
    assert "hubspotApiKey = sys.argv[2]" in text
    assert '"Bearer " + hubspotApiKey' in text
    assert "hapikey" not in text


def test_command_line_keys_behave(tmp_path):
    files = {
        "src/post.py": SCRIPT,
        "scenario.py": (
            '"""A script given its key on the command line."""\n'
            "ENV = {}\n\n\n"
            "def case_post(credential):\n"
            "    import runpy, sys\n\n"
            '    sys.argv = ["post.py", "Hello", credential("main"), "42"]\n'
            '    runpy.run_module("post", run_name="__main__")\n'
        ),
    }
    behaves(tmp_path / "argv", files, manual=0)


def test_lost_names_are_those_only_the_rewrite_leaves_unbound():
    before = "import os\nKEY = os.environ['K']\n\ndef f():\n    return KEY + Y\n"
    # KEY's definition gone while f still reads it: lost; Y was unbound already
    after = "import os\n\ndef f():\n    return KEY + Y\n"
    assert lost(before, after) == {"KEY"}
    assert lost(before, before) == frozenset()
    # a name read in a class body and in a comprehension counts too
    assert lost("A = 1\nclass C:\n    x = A\n", "class C:\n    x = A\n") == {"A"}
    assert lost("A = 1\nz = [A for _ in ()]\n", "z = [A for _ in ()]\n") == {"A"}
    # names a star import or globals() may bind are not judged
    assert (
        lost("from m import *\nA = 1\nprint(A)\n", "from m import *\nprint(A)\n")
        == frozenset()
    )

"""A ``?hapikey=`` prefix read by a module in a sub-folder (review 22, R1).

``API_KEY = "?hapikey="`` in a module at the project's root, imported by a
script in ``jobs/`` (no package): removing or changing the prefix would break
that script (ImportError) or send its requests without any credential. The
tree-wide pass checks every module of the tree for readers, as it does for a
dead key's definition, and the prefix's uses stay for a person.
"""

from __future__ import annotations

from tests.trees import key_sites, tree

HS_API = """\
import os

import requests

HS_API_URL = "https://api.hubapi.com"
API_KEY = "?hapikey="
key_value = os.environ["HUBSPOT_API_KEY"]


def blog_posts():
    url = HS_API_URL + "/content/api/v2/blog-posts" + API_KEY + key_value + "&limit=250"
    return requests.get(url).json()
"""
JOB = """\
import os

import requests

from hs_api import HS_API_URL, API_KEY

SANDBOX_KEY = os.environ["HUBSPOT_SANDBOX_KEY"]


def sandbox_forms():
    return requests.get(HS_API_URL + "/forms/v2/forms" + API_KEY + SANDBOX_KEY).json()
"""


def test_a_prefix_a_script_in_a_sub_folder_imports_stays(tmp_path):
    results = tree(tmp_path, {"hs_api.py": HS_API, "jobs/sync_sandbox.py": JOB})
    assert not results["hs_api.py"].changed
    assert "named by another module" in key_sites(results["hs_api.py"])[0].reason


def test_a_prefix_no_other_module_reads_migrates(tmp_path):
    results = tree(tmp_path, {"hs_api.py": HS_API})
    new = results["hs_api.py"].new.decode()
    assert "API_KEY" not in new and "hapikey" not in new

"""A key read from a file at run time (``with open("hapikey.txt") as f: key =
f.read()``) is given at run time, as one typed on the command line is: the
program sends what the file holds, a token once the file holds one, and the
reason says so. It was "a caller passes a key hapimigrate cannot place"."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

DEALS = """\
import requests


class HubspotApi:
    def __init__(self, api_key):
        self.api_key = api_key

    def owners(self):
        url = "https://api.hubapi.com/owners/v2/owners?hapikey=" + self.api_key
        return requests.get(url).json()

    def deals(self):
        params = {"hapikey": self.api_key, "limit": 100}
        return requests.get("https://api.hubapi.com/crm/v3/objects/deals", params=params).json()


if __name__ == "__main__":
    with open("hapikey.txt", "r") as handle:
        api_key = handle.read().strip()
    api = HubspotApi(api_key)
    print(len(api.deals()))
"""


def test_a_key_read_from_a_file_at_run_time_is_sent_as_given(tmp_path):
    result = tree(tmp_path, {"deals.py": DEALS})["deals.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    text = result.new.decode()
    assert "hapikey=" not in text and '"hapikey"' not in text
    assert "api_key = handle.read()" in text  # the file is still where it comes from
    assert text.count('"Authorization": "Bearer " + self.api_key') == 2


def test_a_module_level_key_read_from_a_file_says_the_file_must_hold_a_token(tmp_path):
    source = (
        "import requests\n\n"
        'with open("hapikey.txt") as handle:\n    KEY = handle.read().strip()\n\n\n'
        "def owners():\n"
        '    return requests.get("https://api.hubapi.com/crm/v3/owners", '
        'params={"hapikey": KEY}).json()\n'
    )
    result = tree(tmp_path, {"owners.py": source})["owners.py"]
    [site] = key_sites(result)
    assert site.status == Status.REWRITE
    assert "a file read at run time" in site.reason
    assert "access token" in site.reason
    assert '"Bearer " + KEY' in result.new.decode()


def test_a_key_read_from_anything_but_a_file_stays_unplaced(tmp_path):
    # a response body (a vault, a service): not a file the person fills
    source = DEALS.replace(
        '    with open("hapikey.txt", "r") as handle:\n',
        "    with urlopen(VAULT_URL) as handle:\n",
    ).replace(
        "import requests\n",
        "import requests\nfrom urllib.request import urlopen\n\n"
        'VAULT_URL = "http://vault.internal/hubspot"\n',
        1,
    )
    result = tree(tmp_path, {"deals.py": source})["deals.py"]
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}
    assert result.new is None


def test_file_read_keys_behave(tmp_path):
    files = {
        "src/deals.py": DEALS.replace('if __name__ == "__main__":', "def main():"),
        "scenario.py": (
            '"""A script reading its key from a file."""\n'
            "ENV = {}\n\n\n"
            "def case_main(credential, tmp_path=None):\n"
            "    import os, tempfile\n\n    import deals\n\n"
            "    folder = tempfile.mkdtemp()\n"
            '    with open(os.path.join(folder, "hapikey.txt"), "w") as out:\n'
            '        out.write(credential("main"))\n'
            "    os.chdir(folder)\n"
            "    deals.main()\n"
        ),
    }
    behaves(tmp_path / "file_key", files, manual=0)


def test_a_file_read_as_bytes_or_unstripped_stays_unplaced(tmp_path):
    # review 21's R4: "Bearer " + bytes raises TypeError; a file's last
    # newline makes an invalid header (requests raises InvalidHeader)
    for change in ('"hapikey.txt", "rb"', None):
        source = DEALS
        if change:
            source = source.replace('"hapikey.txt", "r"', change)
        else:
            source = source.replace("handle.read().strip()", "handle.read()")
        result = tree(tmp_path / str(bool(change)), {"deals.py": source})["deals.py"]
        assert {s.status for s in key_sites(result)} == {Status.MANUAL}

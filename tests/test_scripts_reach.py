"""How far ``scripts.imported_by`` looks for a module importing a script
(review 23): an importer up to three folders above (namespace packages without
``__init__.py``: ``from tools.hubspot.download_contacts import ...`` in the
repository's root) keeps the script's values manual; and a script lying in a
big folder (a home directory) is not read around without end: past 5000 files
it is taken as possibly imported, manual."""

from __future__ import annotations

from hapimigrate.fixers.across_modules import SHARED_VALUE
from tests.test_scripts15 import TYPED
from tests.trees import key_sites, left_alone, tree

SCRIPT = "tools/hubspot/download_contacts.py"


def test_an_importer_of_a_namespace_package_two_folders_up_keeps_it(tmp_path):
    reader = (
        "import requests\n"
        "from tools.hubspot.download_contacts import parameter_dict\n\n"
        "requests.get('https://api.hubapi.com/deals/v1/deal/paged', "
        "params=parameter_dict)\n"
    )
    result = tree(tmp_path, {SCRIPT: TYPED, "report.py": reader})[SCRIPT]
    left_alone(result, SHARED_VALUE.format("parameter_dict"))


def test_a_script_alone_in_a_big_folder_is_not_read_around_without_end(tmp_path):
    crowd = tmp_path / "downloads"
    crowd.mkdir()
    for number in range(5001):
        (crowd / f"note{number}.txt").write_text("")
    result = tree(tmp_path, {"download_contacts.py": TYPED})["download_contacts.py"]
    (site,) = key_sites(result)
    assert site.status.value == "manual"
    assert result.new is None


def test_a_script_in_a_small_folder_still_migrates(tmp_path):
    result = tree(tmp_path, {SCRIPT: TYPED})[SCRIPT]
    (site,) = key_sites(result)
    assert site.status.value == "rewrite"

"""A key definition that another module still reads after the migration stays,
whichever pass runs its module last (blind's async_enrichment_service: the
settings pass ran ``constants.py`` again without the tree-wide pass's list of
definitions read elsewhere, removed ``HUBSPOT_KEY``, and ``import enrich.hub``
failed on its ``from enrich.constants import HUBSPOT_KEY``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.trees import tree

# the corpus project's two modules, as written (httpx, a comprehension the tool
# leaves for a person, a template filled at the use)
PROJECT = (
    Path(__file__).resolve().parents[1]
    / "bench/corpus_blind/async_enrichment_service/src/enrich"
)
CONSTANTS = (PROJECT / "constants.py").read_text()
HUB = (PROJECT / "hub.py").read_text()


def test_a_definition_read_by_a_site_left_for_a_person_stays(tmp_path):
    results = tree(
        tmp_path,
        {
            "enrich/__init__.py": "",
            "enrich/constants.py": CONSTANTS,
            "enrich/hub.py": HUB,
        },
    )
    constants = results["enrich/constants.py"]
    assert constants.changed  # the URL no longer holds the key
    contact_url = constants.new.decode().split("CONTACT_URL =")[1].split("\n")[0]
    assert "hapikey" not in contact_url
    assert 'HUBSPOT_KEY = os.getenv("HUBSPOT_KEY", "")' in constants.new.decode()
    for name, result in results.items():
        if result.changed:
            (tmp_path / name).write_bytes(result.new)
    imported = subprocess.run(
        [sys.executable, "-c", "import enrich.hub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr

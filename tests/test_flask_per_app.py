"""``current_app.config["HUBSPOT_API_KEY"]`` is the configured key only where
the project fills it from the environment: an app made per tenant
(``app.config["HUBSPOT_API_KEY"] = tenant.hubspot_key``) holds that tenant's
key, which the one provider token must not replace."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

BATCH = """\
import requests
from flask import current_app


def upsert(body):
    return requests.post(
        "https://api.hubapi.com/contacts/v1/contact/batch/",
        json=body,
        params={"hapikey": current_app.config["HUBSPOT_API_KEY"]},
    ).status_code
"""


def _batch(results: dict) -> tuple[set, str]:
    sites = key_sites(results["crm/batch.py"])
    return {s.status for s in sites}, " ".join(s.reason for s in sites)


def test_a_key_set_per_tenant_app_stays_manual(tmp_path):
    tenants = (
        "from flask import Flask\n\n\ndef app_for(tenant):\n"
        "    app = Flask(tenant.slug)\n"
        '    app.config["HUBSPOT_API_KEY"] = tenant.hubspot_key\n'
        "    return app\n"
    )
    files = {"crm/__init__.py": "", "crm/batch.py": BATCH, "crm/tenants.py": tenants}
    results = tree(tmp_path, files)
    statuses, reason = _batch(results)
    assert statuses == {Status.MANUAL}
    assert "tenants.py:6" in reason
    assert not results["crm/batch.py"].changed


def test_a_key_the_factory_reads_from_the_environment_migrates(tmp_path):
    factory = (
        "import os\nfrom flask import Flask\n\n\ndef create_app():\n"
        "    app = Flask(__name__)\n"
        '    app.config["HUBSPOT_API_KEY"] = os.environ.get("HUBSPOT_API_KEY")\n'
        "    return app\n"
    )
    files = {"crm/__init__.py": factory, "crm/batch.py": BATCH}
    statuses, _ = _batch(tree(tmp_path, files))
    assert statuses == {Status.REWRITE}

"""A guard that reads the key's setting into a local first (``api_key =
settings.HUBSPOT_API_KEY; if not api_key: return``), in a method that sends
nothing, is a test of the migrated key all the same. Found on real public
code: two such methods passed in silence while a third, sending the key,
migrated; once the old setting is removed they silently stop working."""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.trees import tree

CLIENT = """\
import httpx

from app.config import settings

BASE_URL = "https://api.hubapi.com"


class HubSpotClient:
    async def upsert_contact(self, email, properties):
        api_key = settings.HUBSPOT_API_KEY
        if not api_key:
            return
        async with httpx.AsyncClient(timeout=30) as client:
            await client.post(
                f"{BASE_URL}/contacts/v1/contact/createOrUpdate/email/{email}",
                params={"hapikey": api_key},
                json={"properties": properties},
            )

    async def update_stage(self, email, stage):
        api_key = settings.HUBSPOT_API_KEY
        if not api_key:
            return
        await self.upsert_contact(email, {"lifecyclestage": stage})
"""


def test_a_guard_through_a_local_in_another_method_is_reported(tmp_path):
    files = {
        "app/__init__.py": "",
        "app/config.py": "class _S:\n    HUBSPOT_API_KEY = None\n\n\nsettings = _S()\n",
        "app/hubspot.py": CLIENT,
    }
    result = tree(tmp_path, files)["app/hubspot.py"]
    guards = [s for s in result.sites if s.kind == Kind.GUARD]
    assert [(s.line, s.status) for s in guards if s.line == 22] == [(22, Status.MANUAL)]
    assert "settings.HUBSPOT_API_KEY" in [s for s in guards if s.line == 22][0].reason

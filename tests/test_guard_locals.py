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


CONFIG = "class _S:\n    HUBSPOT_API_KEY = None\n\n\nsettings = _S()\n"


def _guards(client: str, tmp_path) -> tuple[list, str]:
    files = {"app/__init__.py": "", "app/config.py": CONFIG, "app/hubspot.py": client}
    result = tree(tmp_path, files)["app/hubspot.py"]
    guards = [(s.line, s.status) for s in result.sites if s.kind == Kind.GUARD]
    return guards, (result.new or b"").decode()


def test_a_guard_through_a_local_in_another_method_tests_the_token(tmp_path):
    guards, text = _guards(CLIENT, tmp_path)
    assert (22, Status.REWRITE) in guards
    assert (
        'api_key = os.environ.get("HUBSPOT_ACCESS_TOKEN")\n        if not api_key:'
        in text
    )
    assert "settings.HUBSPOT_API_KEY" not in text


def test_a_local_used_otherwise_is_reported_not_rewritten(tmp_path):
    """The local is handed on too: not only a presence test. The guard is
    reported for a person, never passed over in silence."""
    client = CLIENT.replace(
        '        await self.upsert_contact(email, {"lifecyclestage": stage})',
        "        log_key_hint(api_key)\n"
        '        await self.upsert_contact(email, {"lifecyclestage": stage})',
    )
    client += "\n\ndef log_key_hint(key):\n    print(len(key))\n"
    guards, _ = _guards(client, tmp_path)
    assert (22, Status.MANUAL) in guards

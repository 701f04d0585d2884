"""A base URL a function reads through ``global $base;`` is the file's own
variable: its fallback (``getenv('MIRROR') ?: 'https://mirror...'``) may be
another host, where the token must not go; a fallback to HubSpot's host
migrates."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import php  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402


def _site(base: str):
    source = (
        "<?php\n$key = getenv('HUBSPOT_API_KEY');\n"
        f"$base = {base};\n\n"
        "function owners() {\n    global $key, $base;\n"
        "    return file_get_contents($base . '/owners/v2/owners?hapikey=' . $key);\n}\n"
    )
    result = php.process("a.php", source.encode(), RunOptions(providers.resolve(None)))
    assert result.error is None
    (site,) = [s for s in result.sites if s.kind.value in ("url", "params")]
    return result, site


@pytest.mark.parametrize(
    "base",
    [
        "getenv('MIRROR') ?: 'https://mirror.example.com'",
        "$_ENV['MIRROR'] ?? 'https://mirror.example.com'",
        "getenv('SANDBOX') ? 'https://mirror.example.com' : 'https://api.hubapi.com'",
    ],
)
def test_a_global_base_falling_back_to_another_host_stays_manual(base):
    result, site = _site(base)
    assert site.status == Status.MANUAL and "mirror.example.com" in site.reason
    assert result.new is None


def test_a_global_base_falling_back_to_hubspot_migrates():
    result, site = _site("getenv('HUBSPOT_BASE') ?: 'https://api.hubapi.com'")
    assert site.status == Status.REWRITE
    assert b"hapikey" not in result.new and b"Bearer" in result.new

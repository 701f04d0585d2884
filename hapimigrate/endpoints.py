"""What a URL is: its HubSpot endpoint path, and whether it must keep its key.

Developer API keys are not sunset: app-level endpoints (webhooks, timeline event
types, CRM extension settings, custom workflow actions, media bridge) still take
``hapikey``. Form submissions to ``forms.hubspot.com`` and ``api.hsforms.com``
take no authentication at all.
"""

from __future__ import annotations

import re

_VERSION = r"(?:v\d+|\d{4}-\d{2})"
DEVELOPER_PATHS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^/webhooks/{_VERSION}/[^/]+",
        rf"^/app-webhooks/{_VERSION}/[^/]+",
        r"^/integrations/v1/[^/]+/timeline/event-types",
        rf"^/crm/{_VERSION}/timeline/[^/]+/event-templates",
        rf"^/crm/(?:{_VERSION}/)?extensions/(?:calling|videoconferencing|cards-dev|cards|accounting)/",
        rf"^/automation/(?:{_VERSION}/actions|actions/{_VERSION})/",
        rf"^/media-bridge/{_VERSION}/",
        r"^/conversations/custom-channels/",
    )
)
NO_AUTH_URLS = re.compile(
    r"forms\.hubspot\.com/uploads/form/v2/|api\.hsforms\.com/submissions/v3/integration/submit/"
)
DEVELOPER_KEY_NAME = re.compile(r"(?i)dev(?:eloper)?_?(?:api_?)?key|developer")
_PERCENT = re.compile(r"%[sdir]")
_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://[^/?#]*|\{[^}]*\}|%[sr])?(/[^?#]*)", re.I)


def endpoint_path(url: str) -> str | None:
    """``/contacts/v1/contact/vid/{vid}/profile`` from a URL template."""
    match = _PATH.match(url)
    return _PERCENT.sub("{}", match.group(1)) if match else None


def is_developer_endpoint(path: str | None) -> bool:
    return path is not None and any(p.search(path) for p in DEVELOPER_PATHS)


def needs_no_auth(url: str) -> bool:
    return NO_AUTH_URLS.search(url) is not None


def names_developer_key(source: str) -> bool:
    """Whether the code of a key expression says it is a developer key."""
    return DEVELOPER_KEY_NAME.search(source) is not None

"""hapimigrate: move HubSpot integrations from ``hapikey`` to Bearer access tokens."""

from __future__ import annotations

__version__ = "0.1.0"

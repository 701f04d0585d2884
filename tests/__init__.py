"""hapimigrate's tests."""

from __future__ import annotations

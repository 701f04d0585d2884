"""Ways of showing results: diffs, site lines, reports and findings."""

from __future__ import annotations

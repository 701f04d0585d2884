"""Minimal stand-in for the parts of Django this app touches, so that the management
command and the views run in CI without the framework (vendored by the project)."""
VERSION = (2, 2, 0, "shim", 0)

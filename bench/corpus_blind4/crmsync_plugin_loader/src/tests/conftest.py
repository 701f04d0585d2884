import pytest


@pytest.fixture
def hubspot_env(monkeypatch):
    monkeypatch.setenv("HUBSPOT_API_KEY", "unit-test-key")
    monkeypatch.setenv("PIPEDRIVE_API_TOKEN", "unit-test-token")

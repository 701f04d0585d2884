"""Unit tests: send() is mocked, so no request leaves the test run."""
from unittest import mock

import pytest

from leadrouter import router


@pytest.fixture
def fake_send():
    with mock.patch("leadrouter.hubspot_api.send") as send:
        send.return_value = {"vid": 42}
        yield send


def test_small_lead_makes_no_deal(fake_send):
    with mock.patch("leadrouter.contacts.send", fake_send):
        assert router.route({"email": " A@B.io ", "budget": 10}) == 42
    endpoints = [c.args[1] for c in fake_send.call_args_list]
    assert not any(e.startswith("/deals/") for e in endpoints)


def test_upsert_sends_lead_source_header(fake_send):
    from leadrouter import contacts

    with mock.patch("leadrouter.contacts.send", fake_send):
        contacts.upsert("a@b.io", {"firstname": "A"})
    assert fake_send.call_args.kwargs["headers"]["X-Lead-Source"] == "leadrouter"

"""Unit tests (run in CI with pytest; no network)."""
import os
from unittest import mock

import requests_mock
import responses

from hubcrm import HubSpot
from hubcrm.deal_desk import record_sale


@responses.activate
def test_contact_lookup_sends_key():
    responses.add(
        responses.GET,
        "https://api.hubapi.com/contacts/v1/contact/email/a@example.com/profile",
        json={"vid": 1},
    )
    hs = HubSpot(api_key="test-key")
    assert hs.contacts.get_by_email("a@example.com") == {"vid": 1}
    assert "hapikey=test-key" in responses.calls[0].request.url


def test_owner_lookup_with_requests_mock():
    with requests_mock.Mocker() as m:
        m.get("https://api.hubapi.com/owners/v2/owners", json=[{"ownerId": 3}])
        with mock.patch.dict(os.environ, {"HUBSPOT_API_KEY": "env-test-key"}):
            owner = HubSpot().owners.by_email("o@example.com")
        assert owner == {"ownerId": 3}
        assert m.last_request.qs["hapikey"] == ["env-test-key"]
        assert m.last_request.qs["email"] == ["o@example.com"]


def test_record_sale_calls():
    with mock.patch("hubcrm.base.requests.Session.request") as request:
        request.return_value.status_code = 200
        request.return_value.content = b"{}"
        request.return_value.json.return_value = {"vid": 9, "dealId": 5, "results": []}
        assert record_sale("a@example.com", "example.com", 10, hs=HubSpot(api_key="k1")) == 5
        method, url = request.call_args_list[0][0]
        assert (method, url) == ("GET", "https://api.hubapi.com/contacts/v1/contact/email/a@example.com/profile")
        assert request.call_args_list[0][1]["params"] == {"hapikey": "k1"}

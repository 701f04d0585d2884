import re

import requests_mock
import responses

from calllog.hubspot import HubSpot


@responses.activate
def test_contact_by_phone_sends_key():
    responses.add(responses.GET, re.compile(r"https://api\.hubapi\.com/contacts/v1/search/query.*"),
                  json={"contacts": [{"vid": 5}]})
    hs = HubSpot(key="test-key")
    assert hs.contact_by_phone("+15550100")["vid"] == 5
    assert "hapikey=test-key" in responses.calls[0].request.url


def test_log_call_posts_engagement():
    with requests_mock.Mocker() as m:
        m.post("https://api.hubapi.com/engagements/v1/engagements?hapikey=test-key", json={"ok": 1})
        HubSpot(key="test-key").log_call(5, 1, 1000)
        assert m.last_request.qs["hapikey"] == ["test-key"]

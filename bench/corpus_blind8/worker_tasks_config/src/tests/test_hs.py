import unittest

import requests_mock

from worker import hs
from worker.config import HubSpotConfig


class RequestTest(unittest.TestCase):
    def test_key_in_query(self):
        cfg = HubSpotConfig("abc")
        with requests_mock.Mocker() as m:
            m.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/recent", json={"contacts": []})
            hs.get(cfg, "/contacts/v1/lists/all/contacts/recent")
            self.assertEqual(m.last_request.qs["hapikey"], ["abc"])

    def test_explicit_key_wins(self):
        cfg = HubSpotConfig("abc")
        with requests_mock.Mocker() as m:
            m.get("https://api.hubapi.com/integrations/v1/me?hapikey=other", json={"portalId": 1})
            hs.get(cfg, "/integrations/v1/me", params={"hapikey": "other"})
            self.assertIn("hapikey=other", m.last_request.url)

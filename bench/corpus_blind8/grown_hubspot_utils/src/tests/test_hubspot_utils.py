import json
import unittest

import responses

import hubspot_utils


class HubspotUtilsTest(unittest.TestCase):
    def setUp(self):
        hubspot_utils.API_KEY = "demo"

    @responses.activate
    def test_get_contact_sends_key(self):
        responses.add(
            responses.GET,
            "https://api.hubapi.com/contacts/v1/contact/email/a@b.c/profile?hapikey=demo",
            json={"vid": 1},
        )
        self.assertEqual(hubspot_utils.get_contact("a@b.c")["vid"], 1)
        self.assertIn("hapikey=demo", responses.calls[0].request.url)

    @responses.activate
    def test_update_deal(self):
        responses.add(responses.PUT, "https://api.hubapi.com/deals/v1/deal/7?hapikey=demo", json={"dealId": 7})
        hubspot_utils.update_deal(7, {"amount": "10"})
        body = json.loads(responses.calls[0].request.body)
        self.assertEqual(body["properties"][0]["name"], "amount")


if __name__ == "__main__":
    unittest.main()

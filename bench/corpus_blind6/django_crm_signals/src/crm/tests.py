import unittest
from unittest import mock

from crm.services import hubspot


class HubSpotServiceTests(unittest.TestCase):
    @mock.patch("crm.services.hubspot.requests.post")
    def test_log_note_sends_the_key(self, post):
        post.return_value.json.return_value = {"engagement": {"id": 1}}
        hubspot.log_note(42, "hello")
        url = post.call_args[0][0]
        self.assertIn("/engagements/v1/engagements", url)
        self.assertIn("hapikey=", url)

    @mock.patch("crm.services.hubspot.requests.get")
    def test_contact_lookup_passes_params(self, get):
        get.return_value.status_code = 404
        self.assertIsNone(hubspot.get_contact_by_email("nobody@example.com"))
        self.assertIn("hapikey", get.call_args[1]["params"])


if __name__ == "__main__":
    unittest.main()

import unittest
from unittest import mock

import hubspot_utils


class GetContactTest(unittest.TestCase):
    @mock.patch("hubspot_utils.requests.get")
    def test_url_has_key(self, get):
        get.return_value.status_code = 200
        get.return_value.json.return_value = {"vid": 1}
        with mock.patch.object(hubspot_utils, "API_KEY", "demo"):
            hubspot_utils.get_contact("a@b.com")
        url = get.call_args[0][0]
        self.assertIn("hapikey=demo", url)
        self.assertTrue(url.startswith("https://api.hubapi.com/contacts/v1/contact/email/"))

    @mock.patch("hubspot_utils.requests.get")
    def test_missing_contact(self, get):
        get.return_value.status_code = 404
        self.assertIsNone(hubspot_utils.get_contact("nobody@b.com"))


if __name__ == "__main__":
    unittest.main()

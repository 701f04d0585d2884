from unittest import mock

from django.test import SimpleTestCase, override_settings

from crm import services


@override_settings(HUBSPOT_API_KEY="test-key", HUBSPOT_BASE_URL="https://api.hubapi.com")
class ServicesTests(SimpleTestCase):
    @mock.patch("crm.services.requests.post")
    def test_upsert_returns_vid(self, post):
        post.return_value.status_code = 200
        post.return_value.json.return_value = {"vid": 5}
        self.assertEqual(services.upsert_customer("a@b.io"), 5)
        self.assertIn("createOrUpdate", post.call_args.args[0])

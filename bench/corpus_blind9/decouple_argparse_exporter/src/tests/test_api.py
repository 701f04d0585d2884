import unittest
from unittest import mock

from hs_export.api import HubSpotAPI


class APITest(unittest.TestCase):
    @mock.patch("hs_export.api.requests.Session")
    def test_key_in_params(self, session):
        session.return_value.get.return_value.status_code = 200
        session.return_value.get.return_value.json.return_value = {"contacts": []}
        api = HubSpotAPI(api_key="demo")
        list(api.all_contacts(["email"]))
        _, kwargs = session.return_value.get.call_args
        self.assertIn(("hapikey", "demo"), kwargs["params"])


if __name__ == "__main__":
    unittest.main()

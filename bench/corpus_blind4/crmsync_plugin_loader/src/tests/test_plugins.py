from unittest import mock

from crmsync import plugins


def test_load_hubspot_plugin():
    cls = plugins.load("hubspot")
    assert cls.name == "hubspot"


def test_upsert_people_batches(hubspot_env):
    client = plugins.build({"plugin": "hubspot", "key_env": "HUBSPOT_API_KEY"})
    with mock.patch.object(client, "_open") as opened:
        assert client.upsert_people([{"email": "a@b.io"}, {"email": "c@d.io"}]) == 2
    path = opened.call_args.args[0]
    assert path == "/contacts/v1/contact/batch/"

"""Broadcast messages (social publishing) -- uses the auth hook instead of the
decorator because it was written by someone else."""
import os

import requests

from marketing.auth import HapiKeyAuth, prepared_call

BROADCAST = "https://api.hubapi.com/broadcast/v1"

_session = requests.Session()


def channels(api_key=None):
    api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
    r = _session.get(BROADCAST + "/channels/setting/publish/current", auth=HapiKeyAuth(api_key))
    return r.json()


def schedule(channel_guid, text, trigger_at_ms, api_key=None):
    api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
    r = prepared_call(
        _session, "POST", BROADCAST + "/broadcasts", api_key,
        json={"channelGuid": channel_guid, "triggerAt": trigger_at_ms,
              "content": {"body": text}},
    )
    return r.status_code

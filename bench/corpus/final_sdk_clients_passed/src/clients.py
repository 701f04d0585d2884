import os

import hubspot
from hubspot3 import Hubspot3

APP_ID = os.environ.get("HUBSPOT_APP_ID", "181818")


def new_client(api_key=None):
    return hubspot.Client.create(api_key=api_key or os.environ["HUBSPOT_API_KEY"])


def legacy_client(api_key=None):
    # hubspot3 still has the nicer engagements API
    return Hubspot3(api_key=api_key or os.environ["HUBSPOT_API_KEY"], timeout=20)


def app_client():
    # webhook subscriptions are managed with the developer key of the app, not a portal key
    return hubspot.Client.create(api_key=os.environ["HUBSPOT_DEVELOPER_KEY"])

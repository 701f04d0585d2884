import os

from hsclient import make_client


def client_from_env(kind="full"):
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return make_client(kind, access_token=token)
    return make_client(kind, api_key=os.environ["HUBSPOT_API_KEY"])


def app_client():
    return make_client("app", app_id=os.environ["HUBSPOT_APP_ID"],
                       api_key=os.environ["HUBSPOT_DEVELOPER_KEY"])

import os

CONFIG = {
    "hubspot": {
        "api_key": os.environ.get("HUBSPOT_API_KEY"),
        "access_token": os.environ.get("HUBSPOT_OAUTH_ACCESS_TOKEN"),
        "list_id": int(os.environ.get("HUBSPOT_LIST_ID", "42")),
    },
    "mailchimp": {
        "api_key": os.environ.get("MAILCHIMP_API_KEY", ""),
        "list_id": os.environ.get("MAILCHIMP_LIST_ID", "a1b2c3d4e5"),
    },
}

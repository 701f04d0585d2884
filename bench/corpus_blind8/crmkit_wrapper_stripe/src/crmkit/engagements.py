
from crmkit.api import default_api


def note(vid, text, api=None):
    api = api or default_api()
    data = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": text},
    }
    return api.post("/engagements/v1/engagements", data=data)

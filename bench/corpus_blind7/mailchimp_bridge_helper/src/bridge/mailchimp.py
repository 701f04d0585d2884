from . import config
from .http import call


def base():
    return "https://%s.api.mailchimp.com/3.0" % config.MAILCHIMP_DC


def members(list_id, count=50):
    data = call("GET", base() + "/lists/%s/members" % list_id,
                params={"count": count, "status": "subscribed"},
                auth=("bridge", config.MAILCHIMP_KEY))
    return data.get("members", [])

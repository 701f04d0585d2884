import requests

from bridge.settings import settings


def recent_solved_tickets(start_time):
    url = "https://%s.zendesk.com/api/v2/incremental/tickets.json" % settings.zendesk_subdomain
    resp = requests.get(url, params={"start_time": start_time},
                        auth=("%s/token" % settings.zendesk_email, settings.zendesk_token), timeout=30)
    resp.raise_for_status()
    return [t for t in resp.json().get("tickets", []) if t.get("status") == "solved"]


def requester(user_id):
    url = "https://%s.zendesk.com/api/v2/users/%s.json" % (settings.zendesk_subdomain, user_id)
    resp = requests.get(url, auth=("%s/token" % settings.zendesk_email, settings.zendesk_token), timeout=30)
    resp.raise_for_status()
    return resp.json()["user"]

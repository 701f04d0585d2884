import requests

from dealdesk import crm

TEAMS_HOOK = "https://outlook.office.com/webhook/abc/IncomingWebhook/def"


OWNERS_URL = "https://api.hubapi.com/owners/v2/owners?hapikey={key}&includeInactive={inactive}"


def owner_names(include_inactive=False):
    # hubspot3's OwnersClient drops inactive owners, so ask the API directly
    r = requests.get(OWNERS_URL.format(key=crm.API_KEY, inactive=str(include_inactive).lower()))
    r.raise_for_status()
    return {o["ownerId"]: "%s %s" % (o["firstName"], o["lastName"]) for o in r.json()}


def post_digest():
    deals = crm.open_deals()
    total = sum(float(d["properties"].get("amount") or 0) for d in deals)
    text = "%d open deals, %.0f in pipeline" % (len(deals), total)
    requests.post(TEAMS_HOOK, json={"text": text})
    return text

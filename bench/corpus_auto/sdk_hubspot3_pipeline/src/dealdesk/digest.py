import requests

from dealdesk import crm

TEAMS_HOOK = "https://outlook.office.com/webhook/abc/IncomingWebhook/def"


def post_digest():
    deals = crm.open_deals()
    total = sum(float(d["properties"].get("amount") or 0) for d in deals)
    text = "%d open deals, %.0f in pipeline" % (len(deals), total)
    requests.post(TEAMS_HOOK, json={"text": text})
    return text

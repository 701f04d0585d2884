from desk import hubspot_api


def find(email):
    try:
        return hubspot_api.send("GET", "/contacts/v1/contact/email/%s/profile" % email)
    except hubspot_api.HubSpotError:
        return None


def search(q, count=20):
    return hubspot_api.send("GET", "/contacts/v1/search/query", params={"q": q, "count": count})

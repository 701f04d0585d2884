from hsreports.http import session, url


def recently_created(count=50):
    resp = session.get(
        url("/contacts/v1/lists/all/contacts/recent"),
        params={"count": count, "property": ["email", "hs_analytics_source"]},
    )
    resp.raise_for_status()
    return resp.json().get("contacts", [])


def by_source(contacts):
    out = {}
    for c in contacts:
        src = (
            c.get("properties", {}).get("hs_analytics_source", {}).get("value")
            or "UNKNOWN"
        )
        out[src] = out.get(src, 0) + 1
    return out


def get_contact(vid):
    resp = session.get(url("/contacts/v1/contact/vid/%d/profile" % vid))
    resp.raise_for_status()
    return resp.json()

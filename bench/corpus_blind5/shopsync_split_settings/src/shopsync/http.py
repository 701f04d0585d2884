"""Headers every JSON call sends (Shopify and HubSpot alike)."""

JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def json_headers(extra=None):
    headers = dict(JSON_HEADERS)
    if extra:
        headers.update(extra)
    return headers

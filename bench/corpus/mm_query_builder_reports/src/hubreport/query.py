"""URL building for the v1/v2 GET endpoints we report on."""
from urllib.parse import urlencode

from hubreport.settings import CONFIG

HS = CONFIG["hubspot"]


def api_url(path, **filters):
    """api_url('/owners/v2/owners', includeInactive=True)"""
    query = urlencode({**filters, "hapikey": HS["api_key"]}, doseq=True)
    return "%s%s?%s" % (HS["base"], path, query)


def clean(options):
    """Drop unset options and turn booleans into the 'true'/'false' HubSpot expects."""
    out = {k: v for k, v in options.items() if v is not None}
    for k, v in out.items():
        if isinstance(v, bool):
            out[k] = "true" if v else "false"
    return out


def paged_url(path, offset=None, limit=250, **options):
    params = clean(dict(options, limit=limit, offset=offset))
    params["hapikey"] = HS["api_key"]
    return HS["base"] + path + "?" + urlencode(sorted(params.items()), doseq=True)


def raw_url(path, options=""):
    """For the odd endpoint where we already have a query string from the UI,
    e.g. raw_url('/contacts/v1/lists/all/contacts/recent', '&count=20')."""
    return HS["base"] + path + "?hapikey=" + HS["api_key"] + "&" + options.lstrip("&")

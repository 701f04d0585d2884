import os

try:
    from urllib.parse import urlencode, quote
except ImportError:  # py2
    from urllib import urlencode, quote

# TODO(2016) remove the fallback once the cron box has the variable
API_KEY = os.environ.get("HAPIKEY", "0f6a3e9c-4b2d-4e8f-9a1c-7d5e2b8c3f10")
HOST = "https://api.hubapi.com"


def api_url(path):
    return "%s?hapikey=%s" % (HOST + path, API_KEY)


def with_options(path, opts=""):
    return HOST + path + "?hapikey=" + API_KEY + "&" + opts.lstrip("&")


def build(path, **filters):
    query = {k: v for k, v in filters.items() if v is not None}
    query["hapikey"] = API_KEY
    return "{}{}?{}".format(HOST, path, urlencode(sorted(query.items())))


def contact_props(vid, props):
    pairs = [("hapikey", API_KEY)] + [("property", p) for p in props]
    return HOST + "/contacts/v1/contact/vid/%s/profile?" % quote(str(vid)) + urlencode(pairs)

"""urllib helpers."""
import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from importer import settings

log = logging.getLogger(__name__)

API = "https://api.hubapi.com"


def build_url(path, **query):
    query["hapikey"] = settings.API_KEY
    return API + path + "?" + urllib.parse.urlencode(query, doseq=True)


def send(method, url, body=None):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as err:
        log.error("%s %s -> %s", method, url.split("?")[0], err.code)
        return err.code, None

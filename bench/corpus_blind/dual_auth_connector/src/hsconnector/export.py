"""Nightly dump of form submissions for the analytics team (older script, own auth)."""
import json
import os
import urllib.request

BASE = "https://api.hubapi.com"


def _open(path):
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    headers = {"Accept": "application/json"}
    url = BASE + path
    if token:
        headers["Authorization"] = "Bearer " + token
    else:
        sep = "&" if "?" in url else "?"
        url += sep + "hapikey=" + os.environ["HUBSPOT_API_KEY"]
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))


def form_submissions(form_guid, limit=50):
    return _open("/form-integrations/v1/submissions/forms/%s?limit=%d" % (form_guid, limit))["results"]


def forms():
    return [f["guid"] for f in _open("/forms/v2/forms")]


def dump_all(out_dir):
    count = 0
    for guid in forms():
        rows = form_submissions(guid)
        with open(os.path.join(out_dir, guid + ".json"), "w") as fh:
            json.dump(rows, fh)
        count += len(rows)
    return count

"""Find contacts that share first+last name and company, merge them (dry run by default)."""
from collections import defaultdict

import requests

BASE = "https://api.hubapi.com"


def all_contacts(api_key="e2a94c1b-7d3f-4b8e-a6c5-0f1e2d3c4b5a"):
    contacts = []
    offset = 0
    while True:
        resp = requests.get(BASE + "/contacts/v1/lists/all/contacts/all",
                            params=dict(hapikey=api_key, count=100, vidOffset=offset,
                                        property=["firstname", "lastname", "company", "createdate"]))
        data = resp.json()
        contacts += data["contacts"]
        if not data["has-more"]:
            return contacts
        offset = data["vid-offset"]


def find_duplicates(contacts):
    groups = defaultdict(list)
    for c in contacts:
        p = c["properties"]
        key = tuple((p.get(f, {}).get("value") or "").strip().lower() for f in ("firstname", "lastname", "company"))
        if all(key):
            groups[key].append(c["vid"])
    return [sorted(v) for v in groups.values() if len(v) > 1]


def merge(primary_vid, other_vid, api_key="e2a94c1b-7d3f-4b8e-a6c5-0f1e2d3c4b5a"):
    url = "{}/contacts/v1/contact/merge-vids/{}/?hapikey={}".format(BASE, primary_vid, api_key)
    resp = requests.post(url, json={"vidToMerge": other_vid})
    return resp.status_code == 200


def run(dry_run=True, api_key=None):
    kwargs = {"api_key": api_key} if api_key else {}
    dupes = find_duplicates(all_contacts(**kwargs))
    for vids in dupes:
        primary, others = vids[0], vids[1:]
        for other in others:
            if dry_run:
                print("would merge %s into %s" % (other, primary))
            else:
                merge(primary, other, **kwargs)
    return dupes

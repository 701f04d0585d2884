#!/usr/bin/env python
# weekly marketing digest -- quick script, run by hand on Mondays
import requests

from marketing import hs

# old portal key kept here so the script works on the marketing laptop
LEGACY_KEY = "4b6e1f2a-93c4-4d0e-8a8c-51b7c2d9e6f0"


def digest():
    lines = []
    for email in hs.list_emails(limit=5):
        stats = hs.email_stats(email["id"]).get("stats", {}).get("counters", {})
        lines.append("%s: %s opens" % (email.get("name"), stats.get("open", 0)))
    for post in hs.blog_posts(351):
        lines.append("blog: %s" % post.get("name"))
    return lines


def old_portal_forms():
    r = requests.get("https://api.hubapi.com/forms/v2/forms?hapikey=%s" % LEGACY_KEY)
    return [f["name"] for f in r.json()] if r.ok else []


if __name__ == "__main__":
    print("\n".join(digest()))

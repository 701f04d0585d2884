import functools

from agency.http import hs_get


def portal_api(key):
    return functools.partial(hs_get, key=key)


def email_stats(get):
    emails = get("/marketing-emails/v1/emails/with-statistics", limit=20, orderBy="-publishDate")
    sent = sum(e.get("stats", {}).get("counters", {}).get("sent", 0) for e in emails["objects"])
    opened = sum(e.get("stats", {}).get("counters", {}).get("open", 0) for e in emails["objects"])
    return {"sent": sent, "opened": opened}


def traffic(get, start, end):
    totals = get("/analytics/v2/reports/totals/total", start=start, end=end)
    return {"sessions": totals.get("totals", {}).get("visits", 0)}


def blog_posts(get, blog_id):
    if not blog_id:
        return 0
    posts = get("/content/api/v2/blog-posts", content_group_id=blog_id, state="PUBLISHED", limit=100)
    return posts.get("total", 0)


def list_sizes(get):
    sizes, offset = {}, 0
    while True:
        page = get("/contacts/v1/lists/static", count=250, offset=offset)
        for lst in page["lists"]:
            sizes[lst["name"]] = lst["metaData"]["size"]
        if not page["has-more"]:
            return sizes
        offset = page["offset"]

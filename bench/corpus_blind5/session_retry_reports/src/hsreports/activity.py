from hsreports.session import BASE, get_session


def engagement_counts():
    counts, offset, more = {}, 0, True
    while more:
        page = get_session().get(
            BASE + "/engagements/v1/engagements/paged",
            params={"limit": 250, "offset": offset},
        ).json()
        for item in page.get("results", []):
            kind = item["engagement"]["type"]
            counts[kind] = counts.get(kind, 0) + 1
        more, offset = page.get("hasMore", False), page.get("offset", 0)
    return counts

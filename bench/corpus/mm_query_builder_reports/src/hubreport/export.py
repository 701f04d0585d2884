"""Owner activity report -> CSV."""
import csv
import io
from collections import Counter

from hubreport import activity, owners
from hubreport.settings import CONFIG, public_config


def owner_activity_csv(since_ms=None):
    names = owners.owners()
    counts = Counter()
    for eng in activity.engagements(since_ms=since_ms):
        counts[(eng.get("ownerId"), eng.get("type"))] += 1
    new_contacts = Counter()
    prop = CONFIG["report"]["owner_property"]
    for c in activity.recent_contacts():
        owner = c.get("properties", {}).get(prop, {}).get("value")
        if owner:
            new_contacts[int(owner)] += 1

    buf = io.StringIO()
    writer = csv.writer(buf)
    types = CONFIG["report"]["engagement_types"]
    writer.writerow(["owner"] + types + ["new contacts"])
    for owner_id, name in sorted(names.items()):
        writer.writerow([name.strip()] + [counts[(owner_id, t)] for t in types]
                        + [new_contacts[owner_id]])
    writer.writerow([])
    writer.writerow(["config", repr(public_config())])
    return buf.getvalue()

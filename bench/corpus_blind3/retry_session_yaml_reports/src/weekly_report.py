"""Weekly pipeline report, printed as Markdown."""
import collections
import logging

from hsreports.collect import iter_objects, pipeline_stages, recent_engagements
from hsreports.config import load_config
from hsreports.session import hubspot_session

log = logging.getLogger("weekly_report")


def build(cfg=None):
    cfg = cfg or load_config()
    s = hubspot_session(cfg)
    stages = pipeline_stages(s)
    by_stage = collections.Counter()
    for deal in iter_objects(s, "deals", properties=("dealstage", "amount")):
        by_stage[stages.get(deal["properties"].get("dealstage"), "?")] += 1
    n_contacts = sum(1 for _ in iter_objects(s, "contacts"))
    eng = recent_engagements(s, set(cfg["reports"]["engagement_types"]))
    lines = ["# Weekly report", "", "contacts: %d" % n_contacts, "engagements: %d" % len(eng)]
    lines += ["- %s: %d" % kv for kv in sorted(by_stage.items())]
    return "\n".join(lines)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(build())

import logging
from collections import Counter

from agency import db
from agency.config import settings
from agency.hubspot import PortalClient, agency_portal

log = logging.getLogger(__name__)


def pipeline_summary(portal):
    stages = portal.pipeline_stages(settings.REPORT_PIPELINE)
    counts = Counter()
    for deal in portal.deals():
        stage = deal["properties"].get("dealstage", {}).get("value")
        counts[stages.get(stage, stage)] += 1
    return dict(counts)


def post_summary(client, summary):
    text = "%s pipeline: %s" % (client.name, ", ".join("%s=%d" % kv for kv in sorted(summary.items())))
    return agency_portal().post("/engagements/v1/engagements", {
        "engagement": {"active": True, "type": "NOTE", "ownerId": settings.HUBSPOT.OWNER_ID},
        "associations": {"companyIds": [client.id]},
        "metadata": {"body": text},
    })


def weekly_reports():
    done = 0
    for client in db.active_clients():
        try:
            summary = pipeline_summary(PortalClient.for_client(client))
        except Exception:
            log.exception("report failed for %s", client.name)
            continue
        post_summary(client, summary)
        done += 1
    return done

import logging

from dealdesk import hs, stages

log = logging.getLogger(__name__)


def weighted_forecast():
    probs = stages.stage_probabilities()
    total = 0.0
    for deal in hs.deals.get_all(extra_properties=["amount", "dealstage"]) or []:
        props = deal.get("properties", {})
        amount = float(props.get("amount") or 0)
        total += amount * probs.get(props.get("dealstage"), 0.0)
    log.info("weighted forecast %.2f", total)
    return total


def pipeline_names():
    return [p.get("label") for p in hs.pipelines.get_all() or []]

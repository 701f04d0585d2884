"""Deals per stage, pushed to the warehouse every night."""
import collections

from hsreports import fetch, urls


def deals():
    offset = 0
    while True:
        page = fetch.get_json(urls.deals_url(offset))
        for deal in page["deals"]:
            yield deal
        if not page.get("hasMore"):
            break
        offset = page["offset"]


def stage_labels():
    labels = {}
    for pipeline in fetch.get_json(urls.hubspot_url("/deals/v1/pipelines")):
        for stage in pipeline["stages"]:
            labels[stage["stageId"]] = stage["label"]
    return labels


def run():
    labels = stage_labels()
    totals = collections.Counter()
    for deal in deals():
        stage = deal["properties"].get("dealstage", {}).get("value")
        totals[labels.get(stage, stage)] += float(deal["properties"].get("amount", {}).get("value") or 0)
    rows = [{"stage": k, "amount": v} for k, v in sorted(totals.items())]
    fetch.warehouse_post("deal_stage_totals", rows)
    return rows

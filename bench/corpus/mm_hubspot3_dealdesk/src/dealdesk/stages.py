"""Stage metadata (probabilities) straight from the crm-pipelines API; the
hubspot3 version we pin drops the metadata block."""
import requests

from dealdesk.conf import settings

PIPELINES_URL = settings.HUBSPOT_API_BASE + "/crm-pipelines/v1/pipelines/deals?hapikey=" + settings.HUBSPOT_API_KEY

_cache = {}


def stage_probabilities(pipeline_id=None):
    pipeline_id = pipeline_id or settings.SALES_PIPELINE_ID
    if pipeline_id in _cache:
        return _cache[pipeline_id]
    resp = requests.get(PIPELINES_URL, timeout=20)
    resp.raise_for_status()
    for pipeline in resp.json().get("results", []):
        probs = {
            s["stageId"]: float(s.get("metadata", {}).get("probability", 0))
            for s in pipeline.get("stages", [])
        }
        _cache[pipeline["pipelineId"]] = probs
    return _cache.get(pipeline_id, {})


def move_stage(deal_id, stage_id):
    url = "%s/deals/v1/deal/%s?hapikey=%s" % (settings.HUBSPOT_API_BASE, deal_id,
                                               settings.HUBSPOT_API_KEY)
    resp = requests.put(url, json={"properties": [{"name": "dealstage", "value": stage_id}]},
                        timeout=20)
    resp.raise_for_status()
    return resp.json()

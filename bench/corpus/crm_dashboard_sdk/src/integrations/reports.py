"""Nightly numbers for the dashboard, using hubspot3 (older code, not ported yet)."""
import logging

from hubspot3 import Hubspot3
from hubspot3.pipelines import PipelineClient

import settings

log = logging.getLogger(__name__)


def contact_count(api_key=None):
    api_key = api_key or settings.HUBSPOT["API_KEY"]
    if api_key is None:
        raise RuntimeError("HUBSPOT API_KEY is not configured")
    client = Hubspot3(api_key=api_key)
    contacts = client.contacts.get_all()
    return len(contacts)


def pipeline_names():
    pipelines = PipelineClient(api_key=settings.HUBSPOT["API_KEY"])
    return [p["label"] for p in pipelines.get_pipelines(object_type="deals")]


def nightly():
    numbers = {"contacts": contact_count()}
    try:
        numbers["pipelines"] = pipeline_names()
    except Exception:
        log.exception("pipelines failed")
        numbers["pipelines"] = []
    return numbers

"""Celery tasks. `app` is the Celery app in production; the fallback keeps the
module importable (and the tasks callable) without a broker."""
import logging

from crmworker import deals, engagements, owners, properties

log = logging.getLogger(__name__)

try:  # pragma: no cover
    from celery import Celery

    app = Celery("crmworker")
    task = app.task
except ImportError:
    def task(*dargs, **dkwargs):
        def wrap(fn):
            fn.delay = fn
            fn.apply_async = lambda args=(), kwargs=None: fn(*args, **(kwargs or {}))
            return fn

        if len(dargs) == 1 and callable(dargs[0]) and not dkwargs:
            return wrap(dargs[0])
        return wrap


@task(bind=False, max_retries=3)
def close_stale_deals(since_ms):
    closed = 0
    for deal in deals.recent_deals(since_ms):
        if deal.get("properties", {}).get("dealstage", {}).get("value") == "stale":
            deals.set_stage(deal["dealId"], "closedlost")
            closed += 1
    return closed


@task
def note_on_contact(vid, owner_email, text):
    owner_id = owners.owner_for_email(owner_email)
    return engagements.log_note(vid, owner_id, text, ts=1500000000000)


@task
def bootstrap_portal(api_key=None):
    properties.ensure_contact_property("source_system", "Source system")
    return properties.ensure_deal_properties(api_key)


@task
def purge_deal(deal_id):
    notes = engagements.notes_for_deal(deal_id)
    log.info("purging deal %s with %d notes", deal_id, len(notes))
    deals.remove_deal(deal_id)
    return len(notes)

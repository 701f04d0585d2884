"""The WSGI app Stripe posts to (gunicorn billinghook.wsgi:application)."""
import json
import logging

from billinghook import store, stripe_api
from billinghook.hubspot import TenantHubSpot

log = logging.getLogger(__name__)


def handle_event(event):
    if event.get("type") != "invoice.paid":
        return "ignored"
    tenant = store.tenant_for(event.get("account"))
    if tenant is None:
        return "unknown tenant"
    invoice = event["data"]["object"]
    cust = stripe_api.customer(invoice["customer"], account=event.get("account"))
    hs = TenantHubSpot(tenant)
    contact = hs.contact_by_email(cust["email"])
    deal = hs.create_paid_deal(contact["vid"], invoice["amount_paid"] / 100.0, "Invoice %s" % invoice["number"])
    return "deal %s" % deal["dealId"]


def application(environ, start_response):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    event = json.loads(environ["wsgi.input"].read(length) or b"{}")
    try:
        result = handle_event(event)
        status = "200 OK"
    except Exception:  # Stripe retries on non-2xx
        log.exception("event %s failed", event.get("id"))
        result, status = "error", "500 Internal Server Error"
    start_response(status, [("Content-Type", "text/plain")])
    return [result.encode()]

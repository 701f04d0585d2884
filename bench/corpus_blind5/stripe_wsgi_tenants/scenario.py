"""Stripe billing webhook for many tenants (2020, plain WSGI): each Stripe account
maps to a HubSpot portal in a sqlite table, old tenants by their portal key, new ones
by an OAuth token; `TenantHubSpot._auth()` returns either `{"headers": ...}` or
`{"params": {self.auth_param: key}}` (the parameter name is a class attribute), merged
with `{**params, **auth["params"]}` and sent by the one `fetch_json()` urllib helper
that also calls Stripe with its own Bearer key. The configured token must neither go
to Stripe nor replace a tenant's key."""

import io
import json

ENV = {"STRIPE_SECRET_KEY": "sk_test_local", "HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"api\.stripe\.com/v1/customers/cus_1",
        "json": {"id": "cus_1", "email": "ann@example.com"},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/ann@example\.com/profile",
        "json": {"vid": 61},
    },
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 701}},
]


def _event(account):
    return {
        "id": "evt_1",
        "type": "invoice.paid",
        "account": account,
        "data": {
            "object": {"customer": "cus_1", "amount_paid": 4200, "number": "INV-7"}
        },
    }


def _post(event):
    from billinghook.wsgi import application

    body = json.dumps(event).encode()
    seen = {}

    def start_response(status, headers):
        seen["status"] = status

    out = b"".join(
        application(
            {"CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)},
            start_response,
        )
    )
    return seen["status"], out.decode()


def case_key_tenant(credential):
    from billinghook import store

    store.add_tenant("acct_key", 111, hubspot_key=credential("tenant_key"))
    assert _post(_event("acct_key")) == ("200 OK", "deal 701")


def case_oauth_tenant(credential):
    from billinghook import store

    store.add_tenant(
        "acct_oauth", 222, oauth_token="oauth-tenant2", pipeline="renewals"
    )
    assert _post(_event("acct_oauth")) == ("200 OK", "deal 701")


def case_two_tenants(credential):
    from billinghook import store

    store.add_tenant("acct_a", 333, hubspot_key=credential("tenant_a"))
    store.add_tenant("acct_b", 444, hubspot_key=credential("tenant_b"))
    assert _post(_event("acct_a"))[0] == "200 OK"
    assert _post(_event("acct_b"))[0] == "200 OK"
    assert _post(dict(_event("acct_b"), type="charge.failed")) == ("200 OK", "ignored")

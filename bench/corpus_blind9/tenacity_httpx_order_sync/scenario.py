"""A Shopify -> HubSpot order sync (2021): configparser INI plus
`os.environ.get("HAPIKEY") or cfg["hubspot"]["key"]`, a lazily built module-level
`httpx.Client(base_url=..., params={"hapikey": ...})`, a `request()` helper under a
tenacity `@retry` (retries on 429) and a lookup under `@backoff.on_exception` (both
libraries faked here, deterministic, no sleeping). CRM v3 deals, line items and
associations; Shopify orders come through a separate httpx client."""

import sys
import types

ENV = {"HAPIKEY": "key-main", "SHOPIFY_TOKEN": "shpat_0a1b2c"}

RESPONSES = [
    {"method": "GET", "url": r"myshopify\.com/admin/api/.*/orders\.json",
     "json": {"orders": [
         {"name": "#1001", "total_price": "40.00", "customer": {"email": "ann@x.com"},
          "line_items": [{"title": "Mug", "quantity": 2, "price": "20.00"}]},
         {"name": "#1002", "total_price": "15.00", "customer": {"email": "new@x.com"},
          "line_items": []},
         {"name": "#1003", "total_price": "9.00", "line_items": []},
         {"name": "#1004", "total_price": "5.00", "line_items": []}]}},
    {"method": "POST", "url": r"/crm/v3/objects/deals/search",
     "json": {"results": [{"id": "1"}]}},
    {"method": "POST", "url": r"/crm/v3/objects/deals(?:\?|$)", "json": {"id": "501"}},
    {"method": "POST", "url": r"/crm/v3/objects/line_items/batch/create",
     "json": {"results": [{"id": "li1"}]}},
    {"method": "PUT", "url": r"/associations/", "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/ann@x\.com/profile", "json": {"vid": 61}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "status": 404,
     "json": {"status": "error"}},
    {"method": "GET", "url": r"/crm/v3/objects/deals/999", "status": 429, "json": {}},
]


def _install_retry_libs():
    ten = types.ModuleType("tenacity")

    def stop_after_attempt(n):
        return n

    def wait_exponential(**kw):
        return None

    def retry_if_exception_type(exc):
        return exc

    def retry(stop=3, wait=None, retry=Exception, reraise=False):
        def deco(fn):
            def wrapped(*args, **kwargs):
                for attempt in range(1, stop + 1):
                    try:
                        return fn(*args, **kwargs)
                    except retry:
                        if attempt == stop:
                            raise
            wrapped.__wrapped__ = fn
            return wrapped
        return deco

    ten.retry, ten.stop_after_attempt = retry, stop_after_attempt
    ten.wait_exponential, ten.retry_if_exception_type = wait_exponential, retry_if_exception_type
    sys.modules["tenacity"] = ten

    bo = types.ModuleType("backoff")
    bo.expo = object()

    def on_exception(wait_gen, exception, max_tries=3, **kw):
        def deco(fn):
            def wrapped(*args, **kwargs):
                for attempt in range(1, max_tries + 1):
                    try:
                        return fn(*args, **kwargs)
                    except exception:
                        if attempt == max_tries:
                            raise
            return wrapped
        return deco

    bo.on_exception = on_exception
    sys.modules["backoff"] = bo


_install_retry_libs()


def case_sync_run(credential):
    from ordersync import sync
    assert sync.run() == 0  # every order already has a deal (search answers one)


def case_sync_new_orders(credential):
    from ordersync import hs, sync
    hs.find_deal = lambda name: None
    order = {"name": "#1001", "total_price": "40.00", "customer": {"email": "ann@x.com"},
             "line_items": [{"title": "Mug", "quantity": 2, "price": "20.00"}]}
    assert sync.sync_order(order) is True
    assert sync.sync_order({"name": "#1002", "total_price": "1", "customer": {"email": "new@x.com"}})


def case_rate_limited(credential):
    from ordersync import hs
    try:
        hs.request("GET", "/crm/v3/objects/deals/999")
    except hs.RateLimited:
        pass
    else:
        raise AssertionError("expected RateLimited")

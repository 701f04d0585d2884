"""A marketing analytics repo (2017-2020): a top-level `hsutil.py` whose
`get(endpoint, **params)` does `params.setdefault("hapikey", API_KEY)` with `API_KEY =
os.environ.get("HUBSPOT_API_KEY") or _secrets()["hubspot"]["api_key"]` (a secrets.json
fallback), a `paged()` generator on `offset`/`hasMore`, scripts that import it (one also
builds its own `params={"hapikey": api_key, ...}` with a `--key` option), a jupytext
percent-format notebook (run here with runpy) plus its .ipynb twin, one cell passing
`hapikey=API_KEY` explicitly; results are pushed to Airtable with its own Bearer token."""

ENV = {"HUBSPOT_API_KEY": "key-main", "AIRTABLE_TOKEN": "patAirtable.123", "AIRTABLE_BASE": "appQ1"}

RESPONSES = [
    {"method": "GET", "url": r"/email/public/v1/campaigns/by-id.*offset=c2",
     "json": {"campaigns": [{"id": 31338, "appId": 113}], "hasMore": False}},
    {"method": "GET", "url": r"/email/public/v1/campaigns/by-id",
     "json": {"campaigns": [{"id": 31337, "appId": 113}], "hasMore": True, "offset": "c2"}},
    {"method": "GET", "url": r"/email/public/v1/campaigns/\d+",
     "json": {"name": "Spring", "counters": {"sent": 200, "open": 50, "click": 10}}},
    {"method": "GET", "url": r"/email/public/v1/events.*eventType=OPEN.*offset=e2|/email/public/v1/events.*offset=e2.*eventType=OPEN",
     "json": {"events": [{"created": 1588000000000}], "hasMore": False}},
    {"method": "GET", "url": r"/email/public/v1/events.*eventType=OPEN",
     "json": {"events": [{"created": 1587000000000}, {"created": 1587100000000}], "hasMore": True, "offset": "e2"}},
    {"method": "GET", "url": r"/email/public/v1/events.*eventType=BOUNCE",
     "json": {"events": [{"recipient": "gone@x.com", "category": "HARD_BOUNCE"},
                         {"recipient": "full@x.com", "category": "SOFT_BOUNCE"}], "hasMore": False}},
    {"method": "GET", "url": r"/email/public/v1/events", "json": {"events": [], "hasMore": False}},
    {"method": "GET", "url": r"/marketing-emails/v1/emails/with-statistics",
     "json": {"objects": [{"name": "Spring", "stats": {"counters": {"open": 50}}}]}},
    {"method": "POST", "url": r"api\.airtable\.com", "json": {"records": []}},
]


def case_campaign_stats(credential):
    from scripts import campaign_stats
    rows = campaign_stats.main()
    assert len(rows) == 2 and rows[0]["open_rate"] == 0.25, rows


def case_bounces(credential):
    from scripts import bounces
    assert bounces.bounced(31337) == ["gone@x.com"]


def case_bounces_other_portal(credential):
    from scripts import bounces
    assert bounces.bounced(31337, api_key=credential("brand2")) == ["gone@x.com"]


def case_notebook(credential):
    import runpy
    ns = runpy.run_path("notebooks/email_engagement.py")
    assert sum(ns["by_day"].values()) == 3, ns["by_day"]

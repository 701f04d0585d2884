"""A cron worker (2017-ish, Celery-like without Celery): a plain `TASKS` registry filled
by a `@task` decorator; an INI file (`worker.ini`, configparser) holds the portal key,
read into a `Config` object passed to every task and helper as `cfg`, whose
`cfg.hubspot_key` is glued onto URLs by a `_url(cfg, path)` helper ('?' or '&');
deals v1 paging with `hasMore`/`offset`; Stripe charges are fetched with the Stripe
secret as basic auth (another host)."""

ENV = {}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0",
        "json": {
            "deals": [
                {"dealId": 1, "properties": {"stripe_charge_id": {"value": "ch_1"}}}
            ],
            "hasMore": True,
            "offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [{"dealId": 2, "properties": {}}],
            "hasMore": False,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"api\.stripe\.com/v1/charges",
        "json": {
            "data": [
                {"id": "ch_1", "paid": True, "amount": 1000},
                {
                    "id": "ch_2",
                    "paid": True,
                    "amount": 2500,
                    "receipt_email": "amy@x.test",
                },
                {"id": "ch_3", "paid": False, "amount": 100},
                {
                    "id": "ch_4",
                    "paid": True,
                    "amount": 700,
                    "receipt_email": "nobody@x.test",
                },
            ]
        },
    },
    {"method": "GET", "url": r"/contact/email/nobody", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 77}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 555}},
]


def _queue(*messages):
    import json
    import os
    import tempfile

    path = os.path.join(tempfile.mkdtemp(), "queue.jsonl")
    with open(path, "w") as handle:
        for message in messages:
            handle.write(json.dumps(message) + "\n")
    return path


def case_cron_queue(credential):
    import run_worker

    results = run_worker.main(
        _queue(
            {"task": "sync_charges", "args": [4]},
            {
                "task": "deal_for_charge",
                "args": ["ch_9", 12.5],
                "kwargs": {"email": "amy@x.test"},
            },
            {"task": "nope"},
        )
    )
    assert results == [2, 555, None]


def case_dispatch_directly(credential):
    from worker import config, tasks  # noqa: F401
    from worker.registry import dispatch

    cfg = config.load("worker.ini")
    dispatch(cfg, {"task": "deal_for_charge", "args": ["ch_10", 3.0]})

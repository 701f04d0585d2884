"""SDK clients (hubspot.Client.create(api_key=...), Hubspot3(api_key=...)) built in a
factory module and passed into task functions; a developer-key client for webhook
subscriptions; a per-portal key handed in by the admin panel."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-app", "HUBSPOT_APP_ID": "181818"}

RESPONSES = [
    {"url": r"/__sdk__/hubspot/crm\.contacts\.basic_api\.update.*", "status": 200, "json": {"id": "101"}},
]


def case_nightly(credential):
    import tasks
    tasks.nightly()


def case_webhooks(credential):
    import tasks
    tasks.ensure_webhooks()


def case_for_portal(credential):
    import tasks
    tasks.for_portal(credential("portal7"))

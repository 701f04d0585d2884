"""Forward each routed lead to the intake service and tell Slack."""


def forward(api, config, lead, owner_id):
    payload = {"id": lead["id"], "email": lead["properties"].get("email"), "owner": owner_id}
    api.post(config["forward_url"], json=payload, headers={"X-Source": "leadrouter"})


def tell_slack(api, config, count):
    if count:
        api.post(config["slack_url"], json={"text": "routed %d new leads" % count})

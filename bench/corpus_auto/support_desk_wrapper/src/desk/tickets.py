from desk.hubspot_api import send


def create_ticket(subject, body, pipeline="0", stage="1"):
    props = [
        {"name": "subject", "value": subject},
        {"name": "content", "value": body},
        {"name": "hs_pipeline", "value": pipeline},
        {"name": "hs_pipeline_stage", "value": stage},
    ]
    return send("POST", "/crm-objects/v1/objects/tickets", json=props)


def close_ticket(ticket_id):
    return send(
        "PUT",
        "/crm-objects/v1/objects/tickets/%s" % ticket_id,
        json=[{"name": "hs_pipeline_stage", "value": "4"}],
        headers={"X-Desk-Actor": "bot"},
    )

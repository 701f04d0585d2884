def add_task(api, vid, owner_id, subject, due_ms=None):
    body = {
        "engagement": {"type": "TASK", "ownerId": owner_id},
        "associations": {"contactIds": [vid]},
        "metadata": {"subject": subject, "status": "NOT_STARTED"},
    }
    if due_ms is not None:
        body["engagement"]["timestamp"] = due_ms
    return api.post("/engagements/v1/engagements", json=body,
                    headers={"Content-Type": "application/json"})


def for_contact(api, vid):
    return api.get("/engagements/v1/engagements/associated/CONTACT/%s/paged" % vid,
                   params={"limit": 10})

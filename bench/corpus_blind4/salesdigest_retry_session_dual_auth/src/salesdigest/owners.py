"""Owner directory (owners v2)."""


def owner_map(session):
    return {o["ownerId"]: "%s %s" % (o.get("firstName", ""), o.get("lastName", "")) for o in
            session.get("/owners/v2/owners").json()}

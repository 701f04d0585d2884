from connector.base import HubSpotConnector

TYPES = ("NOTE", "CALL", "EMAIL", "TASK", "MEETING")


class Engagements(HubSpotConnector):

    def recent(self, since=None, count=50):
        params = {"count": count}
        if since:
            params["since"] = since
        return self.get("/engagements/v1/engagements/recent/modified", **params).get("results", [])

    def create(self, etype, body, contact_ids=(), owner_id=None):
        assert etype in TYPES, etype
        engagement = {"active": True, "type": etype}
        if owner_id:
            engagement["ownerId"] = owner_id
        return self.post(
            "/engagements/v1/engagements",
            {
                "engagement": engagement,
                "associations": {"contactIds": list(contact_ids)},
                "metadata": {"body": body},
            },
        )

    def remove(self, engagement_id):
        return self.delete("/engagements/v1/engagements/%d" % engagement_id)

    def purge_stale_tasks(self):
        gone = 0
        for item in self.recent(count=100):
            eng = item.get("engagement", {})
            if eng.get("type") == "TASK" and not eng.get("active", True):
                self.remove(eng["id"])
                gone += 1
        return gone

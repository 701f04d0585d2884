"""Timeline event types belong to the app: they take the developer key (and userId)."""
from crmkit.base import BaseClient


class TimelineClient(BaseClient):
    def __init__(self, api_key, app_id, user_id=None, **kw):
        super().__init__(api_key, **kw)
        self.app_id = app_id
        self.user_id = user_id

    def _auth(self):
        auth = super()._auth()
        if self.user_id:
            auth["userId"] = self.user_id
        return auth

    def event_types(self):
        return self._call("GET", "/integrations/v1/%s/timeline/event-types" % self.app_id)

    def create_event_type(self, name, header, detail=""):
        return self._call("POST", "/integrations/v1/%s/timeline/event-types" % self.app_id, body={
            "applicationId": self.app_id, "name": name,
            "headerTemplate": header, "detailTemplate": detail,
        })

from .base import BaseClient


class DealsClient(BaseClient):
    def get(self, deal_id):
        return self._get("/deals/v1/deal/%d" % deal_id)

    def update(self, deal_id, **properties):
        data = {"properties": [{"name": k, "value": v} for k, v in properties.items()]}
        return self._put("/deals/v1/deal/%d" % deal_id, data)

    def recent(self):
        return self._get("/deals/v1/deal/recent/modified", count=20)

    def delete(self, deal_id):
        return self._delete("/deals/v1/deal/%d" % deal_id)

import json
import sqlite3

from airflow.models import BaseOperator

from hubspot_plugin.hooks import HubSpotHook

ENDPOINTS = {
    "companies": ("/companies/v2/companies/paged", "companies", "offset", "has-more", "companyId"),
    "deals": ("/deals/v1/deal/paged", "deals", "offset", "hasMore", "dealId"),
    "owners": ("/owners/v2/owners", None, None, None, "ownerId"),
}


class HubSpotToSqliteOperator(BaseOperator):
    template_fields = ("db_path",)

    def __init__(self, hubspot_object, db_path, properties=(), hubspot_conn_id="hubspot_default", **kwargs):
        super(HubSpotToSqliteOperator, self).__init__(**kwargs)
        self.hubspot_object = hubspot_object
        self.db_path = db_path
        self.properties = list(properties)
        self.hubspot_conn_id = hubspot_conn_id

    def records(self, hook):
        endpoint, key, offset_key, more_key, _ = ENDPOINTS[self.hubspot_object]
        if key is None:
            return hook.run(endpoint) or []
        params = {"properties": self.properties, "limit": 100}
        return list(hook.paginate(endpoint, key, params, offset_key, more_key))

    def execute(self, context):
        hook = HubSpotHook(self.hubspot_conn_id)
        rows = self.records(hook)
        id_key = ENDPOINTS[self.hubspot_object][4]
        db = sqlite3.connect(self.db_path)
        db.execute("CREATE TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY, body TEXT)" % self.hubspot_object)
        db.executemany(
            "INSERT OR REPLACE INTO %s VALUES (?, ?)" % self.hubspot_object,
            [(r[id_key], json.dumps(r, sort_keys=True)) for r in rows],
        )
        db.commit()
        db.close()
        self.log.info("loaded %d %s", len(rows), self.hubspot_object)
        return len(rows)

from airflow_compat import BaseOperator
from hubspot_plugin.hooks import DataLakeHook, HubSpotHook


class HubSpotToDataLakeOperator(BaseOperator):
    """Copies one HubSpot object type into the lake."""

    ENDPOINTS = {
        "companies": ("/companies/v2/companies/paged", "companies", "companyId"),
        "deals": ("/deals/v1/deal/paged", "deals", "dealId"),
    }

    template_fields = ("object_type",)

    def __init__(self, object_type, properties=None, hubspot_api_key=None, **kwargs):
        super(HubSpotToDataLakeOperator, self).__init__(**kwargs)
        self.object_type = object_type
        self.properties = properties or []
        self.hubspot_api_key = hubspot_api_key

    def execute(self, context):
        endpoint, key, id_field = self.ENDPOINTS[self.object_type]
        hook = HubSpotHook(api_key=self.hubspot_api_key)
        params = {"limit": 250, "properties": self.properties}
        rows = []
        for obj in hook.paginate(endpoint, key, params=params):
            row = {p: v.get("value") for p, v in obj.get("properties", {}).items()}
            row["id"] = obj[id_field]
            row["ds"] = context["ds"]
            rows.append(row)
        return DataLakeHook().insert_rows("hubspot_%s" % self.object_type, rows)


class HubSpotOwnersOperator(BaseOperator):
    def execute(self, context):
        hook = HubSpotHook()
        owners = hook.run("GET", "/owners/v2/owners")
        rows = [{"id": o["ownerId"], "email": o.get("email"), "ds": context["ds"]}
                for o in owners]
        return DataLakeHook().insert_rows("hubspot_owners", rows)

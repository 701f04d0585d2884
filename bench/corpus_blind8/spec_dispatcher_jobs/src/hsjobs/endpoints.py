"""Request specs: each method returns (url, kwargs) for the dispatcher to send."""
BASE = "https://api.hubapi.com"


class Endpoints:
    def __init__(self, api_key):
        self.auth = {"hapikey": api_key}

    def contact_by_email(self, email):
        return f"{BASE}/contacts/v1/contact/email/{email}/profile", {"params": dict(self.auth)}

    def contacts_batch(self, contacts):
        return f"{BASE}/contacts/v1/contact/batch/", {"method": "POST", "params": self.auth, "json": contacts}

    def company(self, company_id):
        return f"{BASE}/companies/v2/companies/{company_id}", {"params": dict(self.auth, properties="name")}

    def update_company(self, company_id, props):
        body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
        return f"{BASE}/companies/v2/companies/{company_id}", {"method": "PUT", "params": self.auth, "json": body}

    def associate_deal(self, deal_id, company_id):
        url = f"{BASE}/deals/v1/deal/{deal_id}/associations/COMPANY"
        return url, {"method": "PUT", "params": {**self.auth, "id": company_id}}

    def webhook_settings(self, app_id):
        return f"{BASE}/webhooks/v1/{app_id}/settings", {"params": self.auth}

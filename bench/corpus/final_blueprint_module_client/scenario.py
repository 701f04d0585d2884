"""A homegrown Flask-like blueprint module with a module-level HubSpot client whose
__init__ sets both self._params (hapikey) and self.headers (optional OAuth Bearer), plus a
public forms submission that reuses the client's headers."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PORTAL_ID": "62515"}

CASE_ENV = {"case_signup_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 901}},
]


def case_signup(credential):
    from leadapp import views
    views.leads.dispatch("POST", "/leads/signup", {"email": "kiosk@x.io", "name": "Kim", "hutk": "abc123"})


def case_lookup(credential):
    from leadapp import views
    views.leads.dispatch("GET", "/leads/lookup", {"email": "kiosk@x.io"})


def case_signup_oauth_mode(credential):
    from leadapp import views
    views.leads.dispatch("POST", "/leads/signup", {"email": "o@x.io"})


def case_tenant_client(credential):
    from leadapp.hubspot import HubSpotClient
    c = HubSpotClient(credential("tenant2"))
    c.contact_by_email("t2@x.io")

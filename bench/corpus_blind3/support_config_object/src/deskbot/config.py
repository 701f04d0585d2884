import os


class Config(object):
    """Passed to every component; built once in main()."""

    HUBSPOT_URL = "https://api.hubapi.com"
    FORMS_URL = "https://api.hsforms.com/submissions/v3/integration/submit"

    def __init__(self, **overrides):
        self.hubspot_key = os.getenv("HUBSPOT_API_KEY")
        self.portal_id = os.getenv("HUBSPOT_PORTAL_ID", "1234")
        self.ticket_form = os.getenv("HUBSPOT_TICKET_FORM", "form-guid-1")
        self.internal_api = os.getenv("DESK_INTERNAL_API", "https://desk.internal.example.com/api")
        self.internal_token = os.getenv("DESK_INTERNAL_TOKEN", "")
        for k, v in overrides.items():
            setattr(self, k, v)

    @property
    def hubspot_params(self):
        return {"hapikey": self.hubspot_key}

import os


class Config(object):
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "5550001")
    SIGNUP_FORM_GUID = os.environ.get("SIGNUP_FORM_GUID", "0c5e9f7a-3333-4d2a-9a0e-cccccccccccc")
    INTERNAL_API = "https://billing.internal.example/v1"


class TestingConfig(Config):
    TESTING = True

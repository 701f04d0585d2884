import os


class Config(object):
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_DEVELOPER_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
    HUBSPOT_APP_ID = os.environ.get("HUBSPOT_APP_ID")
    HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID")
    HUBSPOT_CONTACT_FORM = os.environ.get("HUBSPOT_CONTACT_FORM")
    WEBHOOK_TARGET_URL = os.environ.get("WEBHOOK_TARGET_URL", "https://glue.example.com/hubspot/webhook")

    BILLING_API = "https://api.paymint.example/v1"
    BILLING_SECRET_KEY = os.environ.get("BILLING_SECRET_KEY")


class TestingConfig(Config):
    TESTING = True

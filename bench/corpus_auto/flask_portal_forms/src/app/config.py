import os


class Config(object):
    HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    SIGNUP_FORM_GUID = os.environ.get("SIGNUP_FORM_GUID", "")
    RECAPTCHA_SECRET = os.environ.get("RECAPTCHA_SECRET", "")


config = Config()

import os


class Config(object):
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID")
    HUBSPOT_SIGNUP_FORM = os.environ.get("HUBSPOT_SIGNUP_FORM")
    RECAPTCHA_SECRET = os.environ.get("RECAPTCHA_SECRET")

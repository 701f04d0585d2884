"""Settings, Django-style: ``from dealdesk.conf import settings``."""
import os


class Settings(object):
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_API_BASE = "https://api.hubapi.com"
    SALES_PIPELINE_ID = os.environ.get("SALES_PIPELINE_ID", "default")
    SLACK_WEBHOOK = os.environ.get("DEALDESK_SLACK_WEBHOOK")
    STALE_AFTER_DAYS = 21


settings = Settings()

import os

from celery import Celery

app = Celery("leads", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


class Config:
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "612400")
    CONTACT_FORM_GUID = "0c9a7d2e-4b1f-4e3a-8d6c-5f2e1a9b7c40"
    INTERNAL_API = os.environ.get("INTERNAL_API", "https://internal.example.org/api")
    INTERNAL_API_TOKEN = os.environ.get("INTERNAL_API_TOKEN")


app.config_from_object(Config)

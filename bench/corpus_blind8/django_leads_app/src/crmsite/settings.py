"""Django settings for crmsite (trimmed)."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "leads",
]

CELERY_BROKER_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

# HubSpot
HUBSPOT_KEY = os.environ.get("HUBSPOT_KEY", "")
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
HUBSPOT_SIGNUP_FORM = os.environ.get("HUBSPOT_SIGNUP_FORM", "")
HUBSPOT_LEADS_LIST = int(os.environ.get("HUBSPOT_LEADS_LIST", "0"))

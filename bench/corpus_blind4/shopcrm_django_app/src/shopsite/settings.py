"""Django settings for shopsite (excerpt)."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "crm"]

# HubSpot
HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
HUBSPOT_NEWSLETTER_FORM = os.environ.get("HUBSPOT_NEWSLETTER_FORM", "")
HUBSPOT_BASE_URL = "https://api.hubapi.com"

"""Django settings for crmapp (trimmed)."""
import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-not-secret")
INSTALLED_APPS = ["django.contrib.contenttypes", "crmapp"]

# HubSpot
HUBSPOT_KEY = os.environ.get("HUBSPOT_KEY", "")
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
HUBSPOT_SIGNUP_FORM = os.environ.get("HUBSPOT_SIGNUP_FORM", "")
AUDIT_SERVICE_URL = os.environ.get("AUDIT_SERVICE_URL", "http://audit.internal:8080/events")

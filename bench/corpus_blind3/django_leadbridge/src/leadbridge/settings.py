"""Django settings for leadbridge (trimmed)."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["leads.example.com"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "leadbridge",
]

# HubSpot
HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "62515")
HUBSPOT_CONTACT_FORM_GUID = "0b8c2f3e-1d4a-4c57-9b0e-6f2f7d9a1c11"
HUBSPOT_TIMEOUT = 10

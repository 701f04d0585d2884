"""
Django settings for leadsite project.
"""
import os

from django.conf import ImproperlyConfigured


def get_env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured("Set the %s environment variable" % name)
    return value


BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = get_env("DJANGO_SECRET_KEY", "dev-not-secret")
DEBUG = get_env("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["leads.example.com", "localhost"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "leads",
]

# HubSpot
HUBSPOT_API_KEY = get_env("HUBSPOT_API_KEY")
HUBSPOT_PORTAL_ID = get_env("HUBSPOT_PORTAL_ID", "4815162")
HUBSPOT_CONTACT_FORM_GUID = get_env("HUBSPOT_CONTACT_FORM_GUID", "8f1c2c6a-0000-4b6e-9d7a-1b2c3d4e5f60")
HUBSPOT_NEWSLETTER_LIST_ID = 42
HUBSPOT_TIMEOUT = 15

MAILGUN_DOMAIN = get_env("MAILGUN_DOMAIN", "mg.example.com")
MAILGUN_API_KEY = get_env("MAILGUN_API_KEY", "")

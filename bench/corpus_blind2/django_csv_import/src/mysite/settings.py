"""Django settings for mysite (trimmed)."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
INSTALLED_APPS = ["django.contrib.contenttypes", "crm"]

# HubSpot
HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
HUBSPOT_BATCH_SIZE = 50
HUBSPOT_IMPORT_LIST_ID = os.environ.get("HUBSPOT_IMPORT_LIST_ID")

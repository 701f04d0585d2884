"""Django-ish settings module for the sales dashboard (trimmed)."""
import os

DEBUG = False
TIME_ZONE = "Europe/Berlin"

HUBSPOT = {
    "API_KEY": os.getenv("HUBSPOT_API_KEY"),
    "PRIVATE_APP_TOKEN": os.getenv("HUBSPOT_PRIVATE_APP_TOKEN"),
    "PORTAL_ID": os.getenv("HUBSPOT_PORTAL_ID", "2456789"),
}

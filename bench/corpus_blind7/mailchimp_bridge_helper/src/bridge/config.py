import os

HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")
MAILCHIMP_KEY = os.environ.get("MAILCHIMP_API_KEY", "")
MAILCHIMP_DC = MAILCHIMP_KEY.rsplit("-", 1)[-1] if "-" in MAILCHIMP_KEY else "us1"
STATUS_API = os.environ.get("STATUS_API", "https://status.internal.example.com/api")

import os

HUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]
HUBSPOT_URL = "https://api.hubapi.com"

ZENDESK_URL = "https://%s.zendesk.com/api/v2" % os.environ.get("ZENDESK_SUBDOMAIN", "acme")
ZENDESK_USER = os.environ.get("ZENDESK_USER", "bot@acme.io") + "/token"
ZENDESK_TOKEN = os.environ.get("ZENDESK_TOKEN", "")

BILLING_URL = os.environ.get("BILLING_URL", "https://billing.internal.acme.io/api")

SLACK_URL = os.environ.get("SLACK_WEBHOOK", "https://hooks.slack.com/services/T/B/C")

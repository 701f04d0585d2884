import os

CFG = {
    "base": os.environ.get("HUBSPOT_BASE", "https://api.hubapi.com"),
    "hapikey": os.environ.get("HUBSPOT_API_KEY"),
    "portal": os.environ.get("HUBSPOT_PORTAL_ID", ""),
}

MAILGUN = {
    "domain": os.environ.get("MAILGUN_DOMAIN", "mg.example.com"),
    "key": os.environ.get("MAILGUN_API_KEY", ""),
    "to": os.environ.get("REPORT_TO", "sales@example.com"),
}

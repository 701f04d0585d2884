import os

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_PORTAL_ID = os.getenv("HUBSPOT_PORTAL_ID", "4512873")

SLACK_WEBHOOK_URL = os.getenv(
    "SLACK_WEBHOOK_URL",
    "https://hooks.slack.com/services/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",
)
SLACK_CHANNEL = "#sales-wins"

# only deals in these stages end up in the digest
WON_STAGES = ("closedwon",)
DIGEST_MIN_AMOUNT = 1000

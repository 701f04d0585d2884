import os

HUBSPOT_KEY = os.getenv("HUBSPOT_KEY")
SLACK_HOOK = os.getenv("SLACK_HOOK")
BATCH_SIZE = int(os.getenv("BATCH_SIZE", "2"))

"""Posts the digest to Slack through an incoming webhook (retries, no HubSpot auth)."""
import os

from salesdigest.sessions import RetrySession

_slack = RetrySession(retries=2)


def post(lines):
    text = "\n".join("*%s*: %s" % (owner, ", ".join(deals)) for owner, deals in sorted(lines.items()))
    return _slack.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": text or "No new deals"}).status_code

import logging

import requests

from crmsync.conf import settings

logger = logging.getLogger(__name__)


def notify_slack(text, channel=None):
    if not settings.SLACK_WEBHOOK_URL:
        logger.info("Slack not configured, would have sent: %s", text)
        return False
    payload = {
        "channel": channel or settings.SLACK_CHANNEL,
        "username": "crmsync",
        "text": text,
        "icon_emoji": ":moneybag:",
    }
    try:
        requests.post(settings.SLACK_WEBHOOK_URL, json=payload, timeout=5)
    except requests.RequestException:
        logger.exception("Slack notification failed")
        return False
    return True

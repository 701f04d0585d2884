import json
import logging

import requests

from leadportal.conf import settings

log = logging.getLogger(__name__)


def slack(text):
    if not settings.SLACK_WEBHOOK_URL:
        log.debug("no slack webhook configured, dropping: %s", text)
        return False
    resp = requests.post(
        settings.SLACK_WEBHOOK_URL,
        data=json.dumps({"text": text}),
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    return resp.ok

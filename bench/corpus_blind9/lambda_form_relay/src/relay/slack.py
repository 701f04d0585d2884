import json
from urllib.request import Request, urlopen

from relay import config


def notify(text):
    if not config.SLACK_WEBHOOK:
        return
    req = Request(config.SLACK_WEBHOOK, data=json.dumps({"text": text}).encode(),
                  headers={"Content-Type": "application/json"})
    urlopen(req, timeout=config.TIMEOUT).read()

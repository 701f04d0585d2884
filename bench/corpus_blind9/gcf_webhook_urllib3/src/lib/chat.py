import json

from lib.hubspot import http


def post(webhook, text):
    if webhook:
        http.request("POST", webhook, body=json.dumps({"text": text}).encode(),
                     headers={"Content-Type": "application/json; charset=UTF-8"})

import json

import requests


class SheetsProxy(object):
    """Posts rows to our Apps Script web app, which appends them to a Google Sheet."""

    def __init__(self, url, secret, extra_headers=None):
        self.url = url
        self.session = requests.Session()
        self.session.headers = {"Content-Type": "application/json", "X-Proxy-Secret": secret}
        self.session.headers.update(extra_headers or {})

    def replace_sheet(self, sheet, header, rows):
        payload = {"action": "replace", "sheet": sheet, "values": [header] + rows}
        resp = self.session.post(self.url, data=json.dumps(payload), timeout=60)
        resp.raise_for_status()
        return resp.json().get("updatedRows", 0)

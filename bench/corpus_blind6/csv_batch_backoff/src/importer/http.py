"""One urllib3 pool for the whole import; JSON in, JSON out."""
import json
from urllib.parse import urlencode

import backoff
import urllib3

pool = urllib3.PoolManager(headers={"User-Agent": "csv-importer/0.3"})


class RetryableError(Exception):
    pass


@backoff.on_exception(backoff.expo, RetryableError, max_tries=4)
def send_json(method, url, payload=None, query=None):
    if query:
        url = url + ("&" if "?" in url else "?") + urlencode(query)
    body = json.dumps(payload).encode("utf-8") if payload is not None else None
    response = pool.request(method, url, body=body, headers={"Content-Type": "application/json"})
    if response.status in (429, 500, 502, 503, 504):
        raise RetryableError(response.status)
    if response.status >= 400:
        raise RuntimeError("%s %s -> %s" % (method, url.split("?")[0], response.status))
    if not response.data or "json" not in response.headers.get("Content-Type", ""):
        return None
    return json.loads(response.data)

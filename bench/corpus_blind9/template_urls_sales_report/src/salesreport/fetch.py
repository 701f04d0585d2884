import json
import logging
import urllib.request

log = logging.getLogger(__name__)


def get_json(url):
    log.info("GET %s", url)
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))

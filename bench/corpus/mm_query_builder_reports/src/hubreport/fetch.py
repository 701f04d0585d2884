import json
import logging
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from hubreport.settings import CONFIG

log = logging.getLogger(__name__)

RATE_LIMIT_PAUSE = 0.25  # be nice to the API between pages


def get_json(url):
    req = Request(url, headers={"Accept": "application/json",
                                "User-Agent": "hubreport/1.1"})
    try:
        with urlopen(req, timeout=CONFIG["hubspot"]["timeout"]) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except HTTPError as err:
        log.error("GET %s failed: %s", url.split("?")[0], err)
        raise


def pause():
    if RATE_LIMIT_PAUSE:
        import time
        time.sleep(RATE_LIMIT_PAUSE)

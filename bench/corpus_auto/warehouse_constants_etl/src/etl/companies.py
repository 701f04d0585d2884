import requests

from etl.constants import *  # noqa: F401,F403


def recent_companies(since_ms):
    result = []
    offset = 0
    while True:
        p = PARAMS.copy()
        p.update({"since": since_ms, "offset": offset, "count": PAGE_SIZE})
        resp = requests.get(BASE_URL + "/companies/v2/companies/recent/modified", params=p)
        resp.raise_for_status()
        data = resp.json()
        result += data["results"]
        if not data["hasMore"]:
            return result
        offset = data["offset"]

import requests

from etl import constants


def deals_page(offset=0):
    r = requests.get(
        constants.BASE_URL + "/deals/v1/deal/paged",
        params={**constants.PARAMS, "limit": constants.PAGE_SIZE, "offset": offset,
                "properties": "dealname,amount,dealstage"},
        headers=constants.HEADERS,
    )
    r.raise_for_status()
    return r.json()


def all_deals():
    deals, offset = [], 0
    while True:
        page = deals_page(offset)
        deals.extend(page["deals"])
        if not page.get("hasMore"):
            break
        offset = page["offset"]
    return deals


def deal(deal_id):
    r = requests.get(constants.DEAL_URL.format(deal_id=deal_id), headers=constants.HEADERS)
    r.raise_for_status()
    return r.json()


def pipelines():
    r = requests.get(constants.BASE_URL + "/deals/v1/pipelines", params=constants.PARAMS)
    r.raise_for_status()
    return r.json()

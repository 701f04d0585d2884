import requests

from shopsync.orders import OrderSync


def contact_exists(email):
    resp = requests.get(OrderSync.CONTACT_URL.format(email=email))
    return resp.status_code == 200

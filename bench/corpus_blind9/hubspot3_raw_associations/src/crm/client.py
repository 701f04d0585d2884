from hubspot3 import Hubspot3
from hubspot3.companies import CompaniesClient

from crm import conf

_clients = {}


def get_client(api_key=None):
    if conf.OAUTH_TOKEN and not api_key:
        return Hubspot3(access_token=conf.OAUTH_TOKEN)
    key = api_key or conf.API_KEY
    if key not in _clients:
        _clients[key] = Hubspot3(api_key=key)
    return _clients[key]


def companies_client(api_key=None):
    return CompaniesClient(api_key=api_key or conf.API_KEY, timeout=20)

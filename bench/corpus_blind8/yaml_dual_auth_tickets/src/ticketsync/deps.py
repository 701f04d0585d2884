"""Dependency providers (FastAPI-style, plain functions)."""
from functools import lru_cache

from ticketsync import config
from ticketsync.helpdesk import Helpdesk
from ticketsync.hubspot import HubSpot


@lru_cache()
def get_settings():
    return config.load()


def get_hubspot(settings=None):
    return HubSpot(settings or get_settings())


def get_helpdesk(settings=None):
    return Helpdesk(settings or get_settings())

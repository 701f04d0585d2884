"""Wiring: config.json plus the environment."""
import json
import os

from leadrouter.api import Api

CONFIG_PATH = os.environ.get("LEADROUTER_CONFIG", "config.json")


def load_config(path=CONFIG_PATH):
    with open(path) as fh:
        return json.load(fh)


def make_api(config=None):
    config = config or load_config()
    return Api(os.environ["HUBSPOT_API_KEY"], base=config["hubspot_base"], timeout=config["timeout"])

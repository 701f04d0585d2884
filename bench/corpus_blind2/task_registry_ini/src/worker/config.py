"""Configuration read once from worker.ini (path in WORKER_CONFIG)."""
import os
from configparser import ConfigParser


class Config(object):
    def __init__(self, parser):
        self.hubspot_key = parser.get("hubspot", "api_key")
        self.hubspot_url = parser.get("hubspot", "base_url", fallback="https://api.hubapi.com")
        self.pipeline = parser.get("hubspot", "pipeline", fallback="default")
        self.stripe_key = parser.get("stripe", "secret_key")
        self.log_level = parser.get("worker", "log_level", fallback="INFO")


def load(path=None):
    parser = ConfigParser()
    path = path or os.environ.get("WORKER_CONFIG", "worker.ini")
    if not parser.read(path):
        raise RuntimeError("config file not found: %s" % path)
    return Config(parser)

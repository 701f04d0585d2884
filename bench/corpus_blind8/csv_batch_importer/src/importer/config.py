import configparser
import os

DEFAULT_PATH = os.path.expanduser("~/.hubspot-importer.ini")


class Config(object):
    def __init__(self, api_key, portal_id, chunk_size=100, dry_run=False):
        self.api_key = api_key
        self.portal_id = portal_id
        self.chunk_size = chunk_size
        self.dry_run = dry_run


def load(path=None):
    parser = configparser.ConfigParser()
    read = parser.read(path or os.environ.get("IMPORTER_CONFIG", DEFAULT_PATH))
    if not read:
        raise SystemExit("no config file found")
    section = parser["hubspot"]
    return Config(
        api_key=section.get("api_key"),
        portal_id=section.get("portal_id", ""),
        chunk_size=section.getint("chunk_size", 100),
        dry_run=section.getboolean("dry_run", False),
    )

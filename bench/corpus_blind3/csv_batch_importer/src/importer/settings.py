import configparser
import os

CONFIG_PATH = os.environ.get("IMPORTER_CONFIG", "hubspot.ini")


def load(path=None):
    parser = configparser.ConfigParser()
    parser.read(path or CONFIG_PATH)
    return parser


_cfg = load()
API_KEY = _cfg.get("hubspot", "api_key")
BATCH_SIZE = _cfg.getint("hubspot", "batch_size", fallback=100)
DEFAULT_LIFECYCLE = _cfg.get("import", "default_lifecycle", fallback="lead")

import os

try:
    import configparser
except ImportError:  # py2
    import ConfigParser as configparser

HERE = os.path.dirname(os.path.abspath(__file__))

_parser = configparser.ConfigParser()
_parser.read(
    [
        os.path.join(HERE, "..", "etl.ini"),
        os.path.expanduser("~/.etl.ini"),
    ]
)

HUBSPOT_BASE_URL = _parser.get("hubspot", "base_url", fallback="https://api.hubapi.com")
HUBSPOT_PAGE_SIZE = _parser.getint("hubspot", "page_size", fallback=100)
CONTACT_PROPERTIES = _parser.get("hubspot", "contact_properties").split(",")
DEAL_PROPERTIES = _parser.get("hubspot", "deal_properties").split(",")

# the key used to live in etl.ini; it was moved to the environment after the
# repo went to the contractors. ~/.etl.ini still works on old boxes.
API_KEY = os.environ.get("HUBSPOT_API_KEY") or _parser.get(
    "hubspot", "api_key", fallback=None
)

WAREHOUSE_URL = _parser.get("warehouse", "url")
WAREHOUSE_BATCH_SIZE = _parser.getint("warehouse", "batch_size", fallback=500)
WAREHOUSE_TOKEN = os.environ.get("WAREHOUSE_TOKEN", "")

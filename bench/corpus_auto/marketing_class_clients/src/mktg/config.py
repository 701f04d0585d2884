import configparser
import os

# settings.ini sits next to the package on the reporting box (see settings.ini.example)
_ini = configparser.ConfigParser()
_ini.read(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "settings.ini"))

KEY = _ini.get("hubspot", "api_key", fallback=None) or os.environ.get("HS_API_KEY")
PORTAL_ID = _ini.get("hubspot", "portal_id", fallback=os.environ.get("HS_PORTAL_ID", "62515"))

"""The session every report module shares (agency portal)."""
import requests

from .constants import PARAMS

session = requests.Session()
session.params.update(PARAMS)
session.headers["Accept"] = "application/json"

"""Billing <-> HubSpot glue service (Flask app; see wsgi.py in deploy repo)."""
from app.config import Config

_config = None


def create_app(config_class=Config):
    """Returns the config the handlers read (stand-in for app.config)."""
    global _config
    _config = config_class()
    return _config


def current_config():
    return _config or create_app()

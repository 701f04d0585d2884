"""Environment loading: .env (python-dotenv when installed), then os.environ.

The HubSpot key is read once here, at import, and cached for the process.
"""
import os

try:
    from dotenv import load_dotenv
except ImportError:  # python-dotenv is optional on the worker image
    load_dotenv = None

ENV_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".env")


def _parse_env_file(path):
    if not os.path.exists(path):
        return
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            name, _, value = line.partition("=")
            os.environ.setdefault(name.strip(), value.strip().strip('"').strip("'"))


if load_dotenv is not None:
    load_dotenv(ENV_FILE)
else:
    _parse_env_file(ENV_FILE)


def env(name, default=None):
    return os.environ.get(name, default)


_HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")


def hubspot_key():
    return _HUBSPOT_KEY

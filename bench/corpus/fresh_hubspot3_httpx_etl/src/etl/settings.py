"""Settings come from config.json next to this file; ${VAR} is expanded from the
environment so that secrets stay out of the repo."""
import json
import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def _expand(value):
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    if isinstance(value, str):
        return os.path.expandvars(value)
    return value


with open(os.path.join(_HERE, "config.json")) as fh:
    CONFIG = _expand(json.load(fh))

HUBSPOT = CONFIG["hubspot"]
WAREHOUSE = CONFIG["warehouse"]
BATCH_SIZE = CONFIG["batch_size"]

"""etl.json with ${VAR} references expanded from the environment."""
import json
import os


class Config(object):
    def __init__(self, path="etl.json"):
        with open(path) as fh:
            raw = json.load(fh)
        self._data = self._expand(raw)

    def _expand(self, value):
        if isinstance(value, dict):
            return {k: self._expand(v) for k, v in value.items()}
        if isinstance(value, str):
            return os.path.expandvars(value)
        return value

    @property
    def hubspot(self):
        return self._data["hubspot"]

    @property
    def warehouse(self):
        return self._data["warehouse"]

"""Reads config.yaml, expanding ${VAR} from the environment."""
import os
import re

import yaml

_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _expand(value):
    if isinstance(value, str):
        return _VAR.sub(lambda m: os.environ.get(m.group(1), ""), value)
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


def load_config(path="config.yaml"):
    with open(path) as fh:
        return _expand(yaml.safe_load(fh))

"""Settings from a YAML file (FORMSYNC_CONFIG, default config.yml)."""
import os

import yaml


def load(path=None):
    path = path or os.environ.get("FORMSYNC_CONFIG", "config.yml")
    with open(path) as handle:
        return yaml.safe_load(handle)

import os

import yaml


def load(path="config.yaml"):
    with open(path) as handle:
        raw = handle.read()
    return yaml.safe_load(os.path.expandvars(raw))

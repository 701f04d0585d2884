"""Read settings from whichever file ops dropped next to the script."""
import configparser
import json
import os

import yaml

DEFAULT_BASE = "https://api.hubapi.com"


def load_dotenv(path=".env"):
    """Minimal python-dotenv: KEY=VALUE lines into os.environ (existing values win)."""
    if not os.path.exists(path):
        return
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            os.environ.setdefault(k.strip(), v.strip().strip('"'))


def load(path):
    ext = os.path.splitext(path)[1]
    if ext in (".yaml", ".yml"):
        with open(path) as fh:
            raw = yaml.safe_load(os.path.expandvars(fh.read()))
        hs = raw["hubspot"]
        return {"api_key": hs["api_key"], "portal_id": str(hs["portal_id"]),
                "base_url": hs.get("base_url", DEFAULT_BASE), "forms": raw.get("forms", {})}
    if ext == ".ini":
        cp = configparser.ConfigParser(interpolation=None)
        cp.read(path)
        return {"api_key": os.path.expandvars(cp.get("hubspot", "api_key")),
                "portal_id": cp.get("hubspot", "portal_id"),
                "base_url": cp.get("hubspot", "base_url", fallback=DEFAULT_BASE),
                "forms": dict(cp.items("forms"))}
    if ext == ".json":
        with open(path) as fh:
            raw = json.load(fh)
        return {"api_key": os.environ[raw["hubspot"]["api_key_env"]],
                "portal_id": raw["hubspot"]["portal_id"], "base_url": DEFAULT_BASE,
                "forms": raw.get("forms", {})}
    raise ValueError("unsupported settings file: %s" % path)

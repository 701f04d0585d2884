import os

import yaml


def _load_dotenv(path=".env"):
    """Tiny .env reader (python-dotenv was not allowed on the old box)."""
    if not os.path.exists(path):
        return
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            name, value = line.split("=", 1)
            os.environ.setdefault(name.strip(), value.strip())


_load_dotenv()

with open(os.environ.get("HUBSYNC_CONFIG", "config.yml")) as _fh:
    CONFIG = yaml.safe_load(_fh)

API_KEY = os.environ["HUBSPOT_API_KEY"]
LIST_ID = CONFIG["hubspot"]["list_id"]
PAGE_SIZE = CONFIG["sync"]["page_size"]
ZAPIER_HOOK = CONFIG["zapier"]["hook"] if os.environ.get("ZAPIER_ENABLED") == "1" else None

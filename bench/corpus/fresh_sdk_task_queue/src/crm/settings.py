import os


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in ("1", "true", "yes", "on")


HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
HUBSPOT_ACCESS_TOKEN = os.environ.get("HUBSPOT_OAUTH_TOKEN", "")
HUBSPOT_USE_OAUTH = env_bool("HUBSPOT_USE_OAUTH")
# dev machines and CI have no credentials: the HubSpot tasks become no-ops there
HUBSPOT_ENABLED = bool(HUBSPOT_ACCESS_TOKEN if HUBSPOT_USE_OAUTH else HUBSPOT_API_KEY)
HUBSPOT_DEFAULT_OWNER = int(os.environ.get("HUBSPOT_DEFAULT_OWNER", "0")) or None
TASKS_ALWAYS_EAGER = env_bool("TASKS_ALWAYS_EAGER", True)

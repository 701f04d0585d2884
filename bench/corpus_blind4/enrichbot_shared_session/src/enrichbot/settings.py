"""Settings, read once from the environment."""
import os

HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")
CLEARBIT_URL = os.environ.get("ENRICH_API_URL", "https://person.clearbit.example/v2/combined/find")
ENRICH_TOKEN = os.environ.get("ENRICH_API_TOKEN", "")
USER_AGENT = "enrichbot/1.3 (+ops@example.com)"
DEFAULT_HEADERS = {"User-Agent": USER_AGENT, "Accept": "application/json"}

import os

BROKER_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
DATABASE = os.environ.get("DATABASE_PATH", "nps.db")
# our own marketing portal: product usage shows up on the customer's company record
OWN_HUBSPOT_KEY = os.environ.get("OWN_HUBSPOT_KEY")
NPS_PROPERTY = "nps_score"

"""Constants shared by the reporting modules."""
import os

HUBSPOT_HOST = "api.hubapi.com"
HUBSPOT_API = "https://" + HUBSPOT_HOST
AGENCY_KEY = os.environ["HUBSPOT_API_KEY"]
PARAMS = {"hapikey": AGENCY_KEY}
CAMPAIGNS_PATH = "/email/public/v1/campaigns/by-id?limit=%d&hapikey=%s"
ANALYTICS_PATH = "/analytics/v2/reports/sources/total"

"""One pooled session for every outgoing call of the desk (HubSpot, status page)."""
import requests

session = requests.Session()
session.headers["User-Agent"] = "support-desk/1.3 (+https://example.com/desk)"

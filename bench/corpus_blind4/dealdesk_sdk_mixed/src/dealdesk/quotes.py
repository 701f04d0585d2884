"""Quote numbers are kept on the company record (hubspot3, companies v2 under the hood)."""
from dealdesk.clients import get_legacy_client


def next_quote_number(company_id, api_key=None):
    hs = get_legacy_client(api_key, timeout=10)
    company = hs.companies.get(company_id)
    current = int(((company or {}).get("properties") or {}).get("last_quote", {}).get("value") or 0)
    hs.companies.update(company_id, {"properties": [{"name": "last_quote", "value": str(current + 1)}]})
    return current + 1

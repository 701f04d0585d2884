"""Our app's webhook subscriptions (developer key)."""
from hsreports.clients import developer_client


def subscription_types(app_id):
    client = developer_client()
    resp = client.webhooks.subscriptions_api.get_all(app_id=app_id)
    return [s.event_type for s in resp.results]

"""One-off admin for the app's webhook subscriptions (developer key)."""
from dealdesk.clients import get_app_client

APP_ID = 98765


def subscriptions():
    app = get_app_client()
    return app.webhooks.subscriptions_api.get_all(app_id=APP_ID)

"""Marketing site back end: lead capture into HubSpot, alerts to Slack."""
import os

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        HUBSPOT_API_KEY=os.environ.get("HUBSPOT_API_KEY"),
        HUBSPOT_PORTAL_ID=os.environ.get("HUBSPOT_PORTAL_ID"),
        SLACK_WEBHOOK_URL=os.environ.get("SLACK_WEBHOOK_URL"),
        LEAD_LIST_ID=int(os.environ.get("LEAD_LIST_ID", "0")),
    )
    if test_config:
        app.config.update(test_config)

    from webapp import routes

    app.register_blueprint(routes.bp, url_prefix="/api")
    return app

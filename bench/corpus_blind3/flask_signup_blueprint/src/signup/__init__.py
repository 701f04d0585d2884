"""Signup microsite: app factory."""
import os

from signup._compat import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        HUBSPOT_API_KEY=os.getenv("HUBSPOT_API_KEY"),
        HUBSPOT_OWNER_EMAIL=os.getenv("HUBSPOT_OWNER_EMAIL", "owner@example.com"),
        SLACK_WEBHOOK=os.getenv("SLACK_WEBHOOK"),
    )
    if config:
        app.config.update(config)
    from signup.views import bp

    app.register_blueprint(bp, url_prefix="/signup")
    return app

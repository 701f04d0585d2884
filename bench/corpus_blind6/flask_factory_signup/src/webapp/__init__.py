import os

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY", "dev"),
        HUBSPOT_PORTAL_ID=os.environ.get("HUBSPOT_PORTAL_ID", "5120331"),
        HUBSPOT_FORM_GUID=os.environ.get("HUBSPOT_FORM_GUID", "b1f0c2d3-0000-4c4c-9a9a-123456789abc"),
        STRIPE_SECRET_KEY=os.environ.get("STRIPE_SECRET_KEY"),
    )
    app.config["HUBSPOT_API_KEY"] = os.environ.get("HUBSPOT_API_KEY")
    if test_config:
        app.config.update(test_config)

    from webapp import views

    app.register_blueprint(views.bp, url_prefix="/api")
    return app

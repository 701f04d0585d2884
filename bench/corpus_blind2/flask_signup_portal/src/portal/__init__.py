"""The customer portal: a small Flask app."""
from flask import Flask

from .config import Config
from .extensions import hubspot


def create_app(config_object=Config):
    app = Flask(__name__)
    app.config.from_object(config_object)
    hubspot.init_app(app)
    from . import views

    views.register(app)
    return app

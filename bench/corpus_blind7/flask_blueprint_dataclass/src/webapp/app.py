from flask import Flask

from .blueprint import bp
from .settings import settings_from_env


def create_app(env=None):
    app = Flask(__name__)
    app.config["HUBSPOT"] = settings_from_env(env)
    app.register_blueprint(bp)
    return app

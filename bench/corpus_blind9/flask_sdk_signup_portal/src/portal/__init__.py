from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_object("portal.config.Config")
    if config:
        app.config.update(config)
    from portal import views
    views.register(app)
    return app

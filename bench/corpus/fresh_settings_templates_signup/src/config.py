import os

basedir = os.path.abspath(os.path.dirname(__file__))


class Config(object):
    SECRET_KEY = os.environ.get("SECRET_KEY", "change-me")
    HUBSPOT_API_BASE = "https://api.hubapi.com"
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
    HUBSPOT_NEWSLETTER_LIST = 17
    MAILGUN_DOMAIN = os.environ.get("MAILGUN_DOMAIN", "mg.example.com")
    MAILGUN_API_KEY = os.environ.get("MAILGUN_API_KEY")
    SEND_WELCOME_MAIL = True


class DevelopmentConfig(Config):
    DEBUG = True
    # the sandbox portal
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_DEV_KEY") or Config.HUBSPOT_API_KEY
    HUBSPOT_NEWSLETTER_LIST = 4
    SEND_WELCOME_MAIL = False


class TestingConfig(Config):
    TESTING = True
    HUBSPOT_API_KEY = "demo"


class ProductionConfig(Config):
    DEBUG = False


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def current_config():
    return config_by_name[os.environ.get("APP_ENV", "development")]

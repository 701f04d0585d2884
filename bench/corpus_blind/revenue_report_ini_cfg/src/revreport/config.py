import configparser
import os


class Config(object):
    """Everything the report needs, passed around as `cfg`."""

    def __init__(self, hubspot_key, pipeline, shop, shopify_version, shopify_token, slack_webhook):
        self.hubspot_key = hubspot_key
        self.pipeline = pipeline
        self.shop = shop
        self.shopify_version = shopify_version
        self.shopify_token = shopify_token
        self.slack_webhook = slack_webhook

    def __repr__(self):
        return "Config(shop=%r, pipeline=%r)" % (self.shop, self.pipeline)


def load_config(path="settings.ini"):
    parser = configparser.ConfigParser()
    parser.read(path)
    return Config(
        hubspot_key=os.environ.get("HUBSPOT_KEY") or parser.get("hubspot", "api_key"),
        pipeline=parser.get("hubspot", "pipeline", fallback="default"),
        shop=parser.get("shopify", "shop"),
        shopify_version=parser.get("shopify", "api_version"),
        shopify_token=os.environ.get("SHOPIFY_TOKEN", ""),
        slack_webhook=parser.get("slack", "webhook"),
    )

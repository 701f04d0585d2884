import configparser
import os

HERE = os.path.dirname(os.path.abspath(__file__))

cfg = configparser.ConfigParser()
cfg.read([os.path.join(HERE, "..", "config.ini"), os.path.expanduser("~/.ordersync.ini")])

HAPIKEY = os.environ.get("HAPIKEY") or cfg["hubspot"]["key"]
PIPELINE = cfg.get("hubspot", "pipeline", fallback="default")
CLOSED_STAGE = cfg.get("hubspot", "closed_stage", fallback="closedwon")
SHOPIFY_TOKEN = os.environ.get("SHOPIFY_TOKEN", "")
SHOPIFY_URL = "https://%s.myshopify.com/admin/api/%s" % (
    cfg.get("shopify", "shop"), cfg.get("shopify", "api_version"))

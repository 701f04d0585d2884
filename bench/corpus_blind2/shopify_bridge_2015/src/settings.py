import os

HAPIKEY = os.environ.get('HUBSPOT_API_KEY', '')
SHOP = os.environ.get('SHOPIFY_SHOP', 'demo-store')
SHOPIFY_PASSWORD = os.environ.get('SHOPIFY_PASSWORD', '')
SHOPIFY_URL = 'https://' + SHOP + '.myshopify.com/admin'
HUBSPOT_URL = 'https://api.hubapi.com'
PIPELINE = 'default'
STAGE_PAID = 'closedwon'

# config for hubspot scripts
# DONT COMMIT THE REAL KEY!!! use env var
import os

HAPIKEY = os.environ.get('HAPIKEY', '')
BASE = 'https://api.hubapi.com'
PORTAL = os.environ.get('HS_PORTAL', '62515')
SLACK_HOOK = os.environ.get('SLACK_HOOK', 'https://hooks.slack.com/services/T000/B000/XXXX')

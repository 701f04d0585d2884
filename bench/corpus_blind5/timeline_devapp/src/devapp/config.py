import os

import yaml

_PATH = os.environ.get("DEVAPP_CONFIG", "app.yaml")

with open(_PATH) as _fh:
    CONFIG = yaml.safe_load(_fh)

APP_ID = CONFIG["hubspot"]["app_id"]
DEVELOPER_USER_ID = CONFIG["hubspot"]["developer_user_id"]
PORTAL_ID = CONFIG["hubspot"]["portal_id"]
SIGNUP_FORM = CONFIG["hubspot"]["signup_form"]

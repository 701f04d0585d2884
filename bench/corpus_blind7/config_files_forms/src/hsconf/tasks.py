import logging

import requests

log = logging.getLogger(__name__)


def list_forms(cfg):
    r = requests.get(cfg.url("/forms/v2/forms"), params=cfg.auth_params())
    r.raise_for_status()
    return [f["guid"] for f in r.json()]


def property_groups(cfg, object_type="contacts"):
    r = requests.get(cfg.url("/properties/v1/%s/groups" % object_type),
                     params=cfg.auth_params(includeProperties="true"))
    return [g["name"] for g in r.json()]


def create_property(cfg, name, label, group="contactinformation"):
    body = {"name": name, "label": label, "groupName": group, "type": "string",
            "fieldType": "text"}
    r = requests.post(cfg.url("/properties/v1/contacts/properties"), json=body,
                      params=cfg.auth_params())
    return r.status_code


def subscribe_newsletter(cfg, email, page_uri=None):
    guid = cfg.forms["newsletter"]
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (cfg.portal_id, guid)
    body = {"fields": [{"name": "email", "value": email}]}
    if page_uri:
        body["context"] = {"pageUri": page_uri}
    return requests.post(url, json=body, timeout=10).status_code

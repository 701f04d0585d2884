from hsapp import conf
from hsapp.api import call

EVENT_TYPES = "/integrations/v1/%s/timeline/event-types" % conf.APP_ID


def ensure_event_type(name, header_template):
    for et in call("GET", EVENT_TYPES, conf.DEVELOPER_KEY) or []:
        if et.get("name") == name:
            return et["id"]
    created = call("POST", EVENT_TYPES, conf.DEVELOPER_KEY,
                   json={"name": name, "headerTemplate": header_template, "objectType": "CONTACT",
                         "applicationId": int(conf.APP_ID)})
    return created["id"]


def contact_vid(email, key=None):
    data = call("GET", "/contacts/v1/contact/email/%s/profile" % email, key or conf.PORTAL_KEY,
                params={"propertyMode": "value_only"})
    return data["vid"]

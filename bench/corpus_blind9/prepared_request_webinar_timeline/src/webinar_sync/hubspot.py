from webinar_sync import settings
from webinar_sync.http import Api

api = Api()


def vid_for(email):
    found = api.send("GET", "/contacts/v1/contact/email/%s/profile" % email,
                     params={"property": "email"}, key=settings.HUBSPOT_API_KEY)
    return found and found["vid"]


def create_contact(email, first, last):
    body = {"properties": [{"property": "email", "value": email},
                           {"property": "firstname", "value": first},
                           {"property": "lastname", "value": last}]}
    return api.send("POST", "/contacts/v1/contact", json=body, key=settings.HUBSPOT_API_KEY)["vid"]


def event_types():
    path = "/integrations/v1/%s/timeline/event-types" % settings.HUBSPOT_APP_ID
    return api.send("GET", path, params={"userId": settings.HUBSPOT_USER_ID},
                    key=settings.HUBSPOT_DEVELOPER_KEY)


def ensure_event_type(name, header_template):
    for et in event_types() or []:
        if et["name"] == name:
            return et["id"]
    path = "/integrations/v1/%s/timeline/event-types" % settings.HUBSPOT_APP_ID
    created = api.send("POST", path, params={"userId": settings.HUBSPOT_USER_ID},
                       json={"name": name, "headerTemplate": header_template,
                             "applicationId": settings.HUBSPOT_APP_ID},
                       key=settings.HUBSPOT_DEVELOPER_KEY)
    return created["id"]


def add_event(event_type_id, event_id, vid, extra):
    path = "/integrations/v1/%s/timeline/event" % settings.HUBSPOT_APP_ID
    body = {"id": event_id, "eventTypeId": event_type_id, "objectId": vid, "extraData": extra}
    return api.send("PUT", path, json=body, token=settings.HUBSPOT_OAUTH_TOKEN)

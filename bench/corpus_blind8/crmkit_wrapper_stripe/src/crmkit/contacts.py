from crmkit.api import default_api


def find_by_email(email, api=None):
    api = api or default_api()
    return api.get("/contacts/v1/contact/email/%s/profile" % email)


def set_properties(vid, props, api=None):
    api = api or default_api()
    data = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    return api.post("/contacts/v1/contact/vid/%s/profile" % vid, data=data)

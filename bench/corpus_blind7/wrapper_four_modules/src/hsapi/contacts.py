def find(api, email):
    return api.get("/contacts/v1/contact/email/%s/profile" % email,
                   params={"property": ["email", "hs_lead_status"]})


def set_status(api, vid, status):
    body = {"properties": [{"property": "hs_lead_status", "value": status}]}
    return api.post("/contacts/v1/contact/vid/%s/profile" % vid, json=body)


def search(api, query):
    return api.get("/contacts/v1/search/query", params={"q": query, "count": 5})

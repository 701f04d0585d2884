from crmkit.api import default_api


def owner_id_for(email, api=None):
    api = api or default_api()
    owners = api.get("/owners/v2/owners", params={"email": email})
    return owners[0]["ownerId"] if owners else None

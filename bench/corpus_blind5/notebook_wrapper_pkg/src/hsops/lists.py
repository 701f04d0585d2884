from hsops.api import api


def list_names(count=25):
    data = api.get("/contacts/v1/lists", params={"count": count})
    return [l["name"] for l in data.get("lists", [])]


def create_static(name):
    return api.post("/contacts/v1/lists", json={"name": name, "dynamic": False})["listId"]


def drop(list_id):
    api.delete("/contacts/v1/lists/%s" % list_id)

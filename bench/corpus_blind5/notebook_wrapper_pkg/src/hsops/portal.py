"""Another portal (the sandbox) for a one-off copy; the key comes with the call."""
from hsops.api import HubSpotAPI


def make_reader(api_key):
    client = HubSpotAPI(api_key=api_key)

    def read(path, **params):
        return client.get(path, params=params)

    return read


def copy_list_names(sandbox_key, target_api):
    read = make_reader(sandbox_key)
    names = [l["name"] for l in read("/contacts/v1/lists", count=100).get("lists", [])]
    for name in names:
        target_api.post("/contacts/v1/lists", json={"name": name + " (copy)", "dynamic": False})
    return names

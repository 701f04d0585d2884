import requests

PBX_API = "https://pbx.example.net/api/v2"


def recent_calls(token, since):
    r = requests.get(PBX_API + "/calls", params={"since": since}, headers={"X-Auth": token}, timeout=10)
    return r.json()["calls"]

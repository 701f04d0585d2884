from hubreport import fetch
from hubreport.query import api_url


def owners(include_inactive=False):
    data = fetch.get_json(api_url("/owners/v2/owners",
                                  includeInactive=str(include_inactive).lower()))
    return {o["ownerId"]: "%s %s" % (o.get("firstName", ""), o.get("lastName", "")) for o in data}

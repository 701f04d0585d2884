import httpx


async def lookup(client: httpx.AsyncClient, key, domain):
    resp = await client.get(
        "https://company.clearbit.com/v2/companies/find",
        params={"domain": domain},
        headers={"Authorization": "Bearer %s" % key},
    )
    if resp.status_code == 404:
        return {}
    resp.raise_for_status()
    return resp.json()

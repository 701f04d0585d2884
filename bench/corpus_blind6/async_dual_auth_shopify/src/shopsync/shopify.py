import httpx


class ShopifyClient:
    def __init__(self, client: httpx.AsyncClient, shop: str, access_token: str):
        self._client = client
        self._url = f"https://{shop}.myshopify.com/admin/api/2021-01"
        self._headers = {"X-Shopify-Access-Token": access_token}

    async def orders_for(self, email: str):
        response = await self._client.get(self._url + "/orders.json",
                                          params={"email": email, "status": "any"},
                                          headers=self._headers)
        return response.json()["orders"]

import httpx

from bulkimport.config import Config


async def verified(emails):
    """NeverBounce single checks; anything not 'valid' is dropped."""
    if not Config.neverbounce_key:
        return list(emails)
    good = []
    async with httpx.AsyncClient(base_url="https://api.neverbounce.com/v4") as nb:
        for email in emails:
            r = await nb.get("/single/check", params={"key": Config.neverbounce_key, "email": email})
            if r.json().get("result") == "valid":
                good.append(email)
    return good

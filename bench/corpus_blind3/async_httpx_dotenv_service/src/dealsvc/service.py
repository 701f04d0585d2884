"""Business logic: stage audit and bulk moves."""
import asyncio

from dealsvc.client import HubSpotClient


async def audit(ids):
    async with HubSpotClient() as hs:
        pipe = await hs.pipeline(hs.settings.pipeline)
        known = {s["stageId"] for s in pipe.get("stages", [])}
        deals = await hs.deals(ids)
        bad = []
        for d in deals:
            stage = d.get("properties", {}).get("dealstage", {}).get("value")
            if stage not in known:
                owner = await hs.owner(d.get("properties", {}).get("hubspot_owner_id", {}).get("value", 0))
                bad.append((d["dealId"], owner.get("email")))
        return bad


async def move_all(ids, stage):
    async with HubSpotClient() as hs:
        return [await hs.move(i, stage) for i in ids]


def main():
    print(asyncio.run(audit([1, 2, 3])))


if __name__ == "__main__":
    main()

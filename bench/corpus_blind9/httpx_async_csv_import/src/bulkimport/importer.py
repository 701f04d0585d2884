import asyncio
import csv
import logging

from bulkimport.config import Config
from bulkimport.hubspot import AsyncHubSpot
from bulkimport.verify import verified

log = logging.getLogger(__name__)


def read_rows(path):
    with open(path, newline="") as fh:
        return [row for row in csv.DictReader(fh) if "@" in row.get("email", "")]


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


async def import_file(path, list_name=None, api_key=None, access_token=None):
    rows = read_rows(path)
    good = set(await verified([r["email"] for r in rows]))
    rows = [r for r in rows if r["email"] in good]
    if access_token or (Config.hubspot_oauth_token and not api_key):
        hs = AsyncHubSpot(access_token=access_token or Config.hubspot_oauth_token,
                          concurrency=Config.concurrency)
    else:
        hs = AsyncHubSpot(api_key=api_key or Config.hubspot_api_key,
                          concurrency=Config.concurrency)
    try:
        await asyncio.gather(*(hs.batch_upsert(batch) for batch in chunks(rows, Config.batch_size)))
        if list_name:
            list_id = await hs.list_by_name(list_name)
            if list_id:
                await hs.add_to_list(list_id, [r["email"] for r in rows])
    finally:
        await hs.aclose()
    return len(rows)


def main(argv=None):
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("csv")
    p.add_argument("--list")
    p.add_argument("--portal-key", help="import into another portal")
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    n = asyncio.run(import_file(a.csv, a.list, api_key=a.portal_key))
    log.info("imported %d contacts", n)
    return n

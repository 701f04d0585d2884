import logging

import requests

from etl import config

log = logging.getLogger("etl.load")


def _chunks(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def push(table, rows, run_id):
    """Ship rows to the warehouse ingestion API in batches."""
    headers = {"Authorization": "Token %s" % config.WAREHOUSE_TOKEN}
    sent = 0
    for n, chunk in enumerate(_chunks(rows, config.WAREHOUSE_BATCH_SIZE)):
        body = {"table": table, "run_id": run_id, "batch": n, "rows": chunk}
        resp = requests.post(
            config.WAREHOUSE_URL, json=body, headers=headers, timeout=60
        )
        resp.raise_for_status()
        sent += len(chunk)
    log.info("loaded %d rows into %s", sent, table)
    return sent

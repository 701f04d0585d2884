import json

import requests


def load(cfg, table, rows, session=None):
    sender = session or requests
    resp = sender.post(
        cfg.warehouse["load_url"],
        data=json.dumps({"table": table, "rows": rows}),
        headers={"Authorization": "Token " + cfg.warehouse["token"], "Content-Type": "application/json"},
    )
    resp.raise_for_status()
    return len(rows)

import datetime as dt

import requests

from hsreports import fetch

FX_URL = "https://api.exchangerate.example.org/latest"
CHAT_WEBHOOK = "https://chat.googleapis.com/v1/spaces/AAA/messages?key=abc&token=def"


def week_bounds(today):
    start = today - dt.timedelta(days=today.weekday() + 7)
    return start.strftime("%Y%m%d"), (start + dt.timedelta(days=6)).strftime("%Y%m%d")


def run(today):
    start, end = week_bounds(today)
    t = fetch.totals(start, end)
    s = fetch.sources(start, end)
    p = fetch.pages(start, end, limit=10)
    lines = ["Week %s-%s: %s visits" % (start, end, t.get("totals", {}).get("visits", 0))]
    for name, row in sorted(s.get("breakdowns", {}).items()):
        lines.append("  %s: %s" % (name, row))
    lines.append("top page: %s" % (p.get("breakdowns") or [{}])[0].get("breakdown", "-"))
    rate = fetch.get_json(FX_URL + "?base=USD&symbols=EUR").get("rates", {}).get("EUR")
    if rate:
        lines.append("(EUR rate %.2f)" % rate)
    requests.post(CHAT_WEBHOOK, json={"text": "\n".join(lines)}, timeout=10)
    return lines

# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Email engagement by day of week
# Pulls OPEN and CLICK events of the last campaign and counts them per weekday.

# %%
import sys
from collections import Counter
from datetime import datetime

sys.path.insert(0, "..")
sys.path.insert(0, ".")
from hsutil import API_KEY, get, paged  # noqa: E402

# %%
campaigns = get("/email/public/v1/campaigns/by-id", limit=1)["campaigns"]
last = campaigns[0]["id"]
last

# %%
by_day = Counter()
for event_type in ("OPEN", "CLICK"):
    for ev in paged("/email/public/v1/events", "events", campaignId=last, eventType=event_type):
        by_day[(event_type, datetime.utcfromtimestamp(ev["created"] / 1000).strftime("%a"))] += 1
by_day

# %%
emails = get("/marketing-emails/v1/emails/with-statistics", hapikey=API_KEY, limit=3, orderBy="-publishDate")
[(e["name"], e["stats"]["counters"].get("open")) for e in emails["objects"]]

"""HubSpot marketing API helpers.

Every function decorated with @hubspot_api receives `params` with the key already in
it, so callers never have to think about auth.
"""
import functools
import logging
import os

import requests

log = logging.getLogger(__name__)

HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
API = "https://api.hubapi.com"


def hubspot_api(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        params = kwargs.pop("params", None) or {}
        params.setdefault("hapikey", HUBSPOT_API_KEY)
        kwargs["params"] = params
        return func(*args, **kwargs)
    return wrapper


def _send(method, path, params, **kw):
    resp = getattr(requests, method.lower())(API + path, params=params, timeout=20, **kw)
    resp.raise_for_status()
    return resp.json() if resp.content else None


@hubspot_api
def list_emails(limit=20, params=None):
    params["limit"] = limit
    return _send("GET", "/marketing-emails/v1/emails", params).get("objects", [])


@hubspot_api
def email_stats(email_id, params=None):
    return _send("GET", "/marketing-emails/v1/emails/with-statistics/%s" % email_id, params)


@hubspot_api
def blog_posts(blog_id, state="PUBLISHED", params=None):
    params.update({"content_group_id": blog_id, "state": state, "limit": 50})
    return _send("GET", "/content/api/v2/blog-posts", params).get("objects", [])


@hubspot_api
def archive_post(post_id, params=None):
    return _send("DELETE", "/content/api/v2/blog-posts/%s" % post_id, params)

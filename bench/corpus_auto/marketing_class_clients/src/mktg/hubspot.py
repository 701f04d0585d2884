import json
import logging

import requests

from mktg.config import KEY

logger = logging.getLogger(__name__)


class HubSpotClient(object):
    """Marketing-side reads: e-mail events, campaigns, blog posts."""

    base = "https://api.hubapi.com"
    params = {"hapikey": KEY}
    headers = {"Content-Type": "application/json"}

    def campaigns(self, limit=50):
        url = self.base + "/email/public/v1/campaigns/by-id"
        r = requests.get(url, params=dict(self.params, limit=limit), headers=self.headers)
        r.raise_for_status()
        return r.json()["campaigns"]

    def campaign(self, campaign_id, app_id):
        url = "%s/email/public/v1/campaigns/%s" % (self.base, campaign_id)
        r = requests.get(url, params=dict(self.params, appId=app_id))
        return r.json()

    def email_events(self, campaign_id, event_type="OPEN"):
        events, offset = [], None
        while True:
            q = dict(self.params)
            q.update(campaignId=campaign_id, eventType=event_type)
            if offset:
                q["offset"] = offset
            r = requests.get(self.base + "/email/public/v1/events", params=q)
            body = r.json()
            events.extend(body.get("events", []))
            if not body.get("hasMore"):
                return events
            offset = body["offset"]

    def blog_posts(self, state="PUBLISHED"):
        r = requests.get(self.base + "/content/api/v2/blog-posts",
                         params=self.params, headers=self.headers)
        return [p for p in r.json().get("objects", []) if p.get("state") == state]

    def publish_post(self, post_id):
        r = requests.post(
            self.base + "/content/api/v2/blog-posts/%s/publish-action" % post_id,
            params=self.params,
            data=json.dumps({"action": "schedule-publish"}),
            headers=self.headers,
        )
        logger.info("publish %s -> %s", post_id, r.status_code)
        return r.status_code == 204


class FormsClient(object):
    """Forms API; the key is given once and kept on the instance."""

    def __init__(self, api_key=None, portal_id=None):
        self.api_key = api_key or KEY
        self.portal_id = portal_id
        self.api_url = "https://api.hubapi.com/forms/v2"
        self.query = {"hapikey": self.api_key}

    def forms(self):
        r = requests.get(self.api_url + "/forms", params=self.query)
        r.raise_for_status()
        return r.json()

    def fields(self, guid):
        r = requests.get("{}/fields/{}".format(self.api_url, guid), params=self.query)
        r.raise_for_status()
        return r.json()

    def submissions(self, guid, limit=20):
        r = requests.get(
            "https://api.hubapi.com/form-integrations/v1/submissions/forms/" + guid,
            params={"hapikey": self.api_key, "limit": limit},
        )
        return r.json().get("results", [])

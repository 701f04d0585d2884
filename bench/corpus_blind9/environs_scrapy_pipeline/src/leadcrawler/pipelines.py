import logging

import requests

from leadcrawler import hubspot

logger = logging.getLogger(__name__)


class DropItem(Exception):
    pass


class CleanPipeline(object):
    def process_item(self, item, spider):
        email = (item.get("email") or "").strip().lower()
        if "@" not in email:
            raise DropItem("no email in %r" % item)
        item["email"] = email
        item.setdefault("domain", email.split("@", 1)[1])
        return item


class HubSpotPipeline(object):
    def __init__(self, api_key, batch_size):
        self.api_key = api_key
        self.batch_size = batch_size
        self.buffer = []
        self.known_domains = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(api_key=crawler.settings.get("HUBSPOT_API_KEY"),
                   batch_size=crawler.settings.getint("HUBSPOT_BATCH_SIZE", 50))

    def open_spider(self, spider):
        # a spider crawling for a client carries that client's portal key
        key = getattr(spider, "hubspot_api_key", None) or self.api_key
        self.params = {"hapikey": key}
        self.session = requests.Session()

    def process_item(self, item, spider):
        domain = item.get("domain")
        if domain and domain not in self.known_domains:
            company = hubspot.company_for_domain(self.session, self.params, domain)
            if company is None and item.get("company"):
                company = hubspot.create_company(self.session, self.params, domain, item["company"])
            self.known_domains[domain] = company
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def flush(self):
        if self.buffer:
            logger.info("sending %d contacts", len(self.buffer))
            hubspot.post_batch(self.session, self.params, self.buffer)
            self.buffer = []

    def close_spider(self, spider):
        self.flush()
        self.session.close()


class ZapierPipeline(object):
    def __init__(self, url):
        self.url = url

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("ZAPIER_HOOK_URL"))

    def process_item(self, item, spider):
        if self.url:
            requests.post(self.url, json=dict(item), timeout=10)
        return item

"""A Scrapy project (2019-2021) that crawls a member directory and pushes leads into
HubSpot: settings through environs (`env.str("HUBSPOT_API_KEY")`, faked), an item
pipeline built by `from_crawler(crawler)` that keeps `self.params = {"hapikey": key}` and
hands it to helper functions in another module (`params=dict(base_params, auditId=...)`,
`params=base_params`) on a shared `requests.Session`; a spider started with `-a
hubspot_api_key=...` crawls for a client's portal. A last pipeline posts every item to a
Zapier hook. Scrapy is faked: the crawler's settings come from the settings module."""

import os
import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main",
       "ZAPIER_HOOK_URL": "https://hooks.zapier.com/hooks/catch/123/abc/"}

RESPONSES = [
    {"method": "POST", "url": r"/companies/v2/domains/known\.com/companies",
     "json": {"results": [{"companyId": 31}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "POST", "url": r"/companies/v2/companies", "json": {"companyId": 32}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "POST", "url": r"hooks\.zapier\.com", "json": {"status": "success"}},
]

ROWS = [
    {"mail": "Ann@Known.com", "first": "Ann", "org": "Known"},
    {"mail": "bo@newco.io", "first": "Bo", "org": "NewCo"},
    {"mail": "bad-row"},
    {"mail": "cy@known.com", "first": "Cy"},
]


def _install_environs():
    mod = types.ModuleType("environs")

    class Env:
        def read_env(self, path=None):
            return False

        def str(self, name, default=...):
            if name in os.environ:
                return os.environ[name]
            if default is ...:
                raise KeyError(name)
            return default

        def int(self, name, default=...):
            value = self.str(name, default)
            return int(value) if value is not None else None

    mod.Env = Env
    sys.modules["environs"] = mod


_install_environs()


class _Settings:
    def __init__(self, module):
        self.module = module

    def get(self, name, default=None):
        return getattr(self.module, name, default)

    def getint(self, name, default=0):
        return int(self.get(name, default))


def _crawl(spider):
    import importlib
    from leadcrawler import settings
    crawler = types.SimpleNamespace(settings=_Settings(settings))
    pipelines = []
    for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1]):
        module, name = path.rsplit(".", 1)
        cls = getattr(importlib.import_module(module), name)
        pipelines.append(cls.from_crawler(crawler) if hasattr(cls, "from_crawler") else cls())
    for p in pipelines:
        getattr(p, "open_spider", lambda s: None)(spider)
    kept = 0
    for item in spider.parse(ROWS):
        try:
            for p in pipelines:
                item = p.process_item(item, spider)
            kept += 1
        except Exception as e:
            if type(e).__name__ != "DropItem":
                raise
    for p in pipelines:
        getattr(p, "close_spider", lambda s: None)(spider)
    return kept


def case_crawl_directory(credential):
    from leadcrawler.spiders.directory import DirectorySpider
    assert _crawl(DirectorySpider()) == 3


def case_crawl_for_client(credential):
    from leadcrawler.spiders.directory import DirectorySpider
    assert _crawl(DirectorySpider(hubspot_api_key=credential("client"))) == 3

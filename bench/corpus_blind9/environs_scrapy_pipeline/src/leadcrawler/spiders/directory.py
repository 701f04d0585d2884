from leadcrawler.items import LeadItem


class DirectorySpider(object):
    """scrapy.Spider in production; parse() is fed saved pages in tests."""

    name = "directory"
    start_urls = ["https://directory.example.org/members"]

    def __init__(self, hubspot_api_key=None, **kwargs):
        if hubspot_api_key:
            self.hubspot_api_key = hubspot_api_key

    def parse(self, rows):
        for row in rows:
            yield LeadItem(email=row.get("mail"), firstname=row.get("first"),
                           lastname=row.get("last"), company=row.get("org"),
                           source_url=self.start_urls[0])

class LeadItem(dict):
    """scrapy.Item stand-in kept as a dict so the pipelines can be unit tested."""

    fields = ("email", "firstname", "lastname", "company", "domain", "source_url")

from string import Template
from urllib.parse import urlencode

from salesreport.settings import CFG

DEALS_PAGED = "{base}/deals/v1/deal/paged?hapikey={hapikey}&limit={limit}&offset={offset}&includeAssociations=true"
DEAL_PROPS = "&properties=dealname&properties=amount&properties=hubspot_owner_id&properties=closedate"
OWNER = Template("$base/owners/v2/owners/$owner_id?hapikey=$hapikey")
PIPELINES = Template("${base}/crm-pipelines/v1/pipelines/deals?hapikey=${hapikey}")


def deals_page(offset=0, limit=100, cfg=None):
    return DEALS_PAGED.format(limit=limit, offset=offset, **(cfg or CFG)) + DEAL_PROPS


def owner(owner_id, cfg=None):
    return OWNER.substitute(cfg or CFG, owner_id=owner_id)


def pipelines(cfg=None):
    return PIPELINES.safe_substitute(**(cfg or CFG))


def contacts_batch(vids, properties, cfg=None):
    cfg = cfg or CFG
    query = urlencode({"vid": list(vids), "property": list(properties),
                       "hapikey": cfg["hapikey"]}, doseq=True)
    return "%s/contacts/v1/contact/vids/batch/?%s" % (cfg["base"], query)

"""HubSpot clients shared by the deal desk commands."""
from hubspot3 import Hubspot3
from hubspot3.deals import DealsClient
from hubspot3.pipelines import PipelineClient

from dealdesk.conf import settings

client = Hubspot3(api_key=settings.HUBSPOT_API_KEY)

# hubspot3 doesn't hang the pipelines API off the main client, and the
# DealsClient there has a few more options, so build those directly.
pipelines = PipelineClient(api_key=settings.HUBSPOT_API_KEY)
deals = DealsClient(api_key=settings.HUBSPOT_API_KEY, timeout=30)

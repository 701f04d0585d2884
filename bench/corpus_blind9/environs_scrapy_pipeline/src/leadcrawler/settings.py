from environs import Env

env = Env()
env.read_env()

BOT_NAME = "leadcrawler"
SPIDER_MODULES = ["leadcrawler.spiders"]
NEWSPIDER_MODULE = "leadcrawler.spiders"
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = 1.5

HUBSPOT_API_KEY = env.str("HUBSPOT_API_KEY")
HUBSPOT_BATCH_SIZE = env.int("HUBSPOT_BATCH_SIZE", 2)
ZAPIER_HOOK_URL = env.str("ZAPIER_HOOK_URL", None)

ITEM_PIPELINES = {
    "leadcrawler.pipelines.CleanPipeline": 100,
    "leadcrawler.pipelines.HubSpotPipeline": 300,
    "leadcrawler.pipelines.ZapierPipeline": 800,
}

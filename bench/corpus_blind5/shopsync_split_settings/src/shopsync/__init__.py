"""shopsync: Shopify orders -> HubSpot deals."""

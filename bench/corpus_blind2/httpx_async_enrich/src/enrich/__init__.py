"""Company enrichment: HubSpot companies + a firmographics provider, concurrently."""

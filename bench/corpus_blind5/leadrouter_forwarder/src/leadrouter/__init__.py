"""leadrouter: routes new HubSpot leads to owners, forwards them, tells Slack."""

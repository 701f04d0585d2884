"""crmsync: keeps the signup site and HubSpot in step."""

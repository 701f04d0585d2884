"""crmpipe: move CRM records between HubSpot and CSV files."""

"""hubsync started as sync.py (2016): HubSpot contacts into the members table."""

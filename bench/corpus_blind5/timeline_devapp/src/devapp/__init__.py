"""Webinar app: a HubSpot developer app (timeline event type, webhook subscriptions)
plus calls into our own portal."""

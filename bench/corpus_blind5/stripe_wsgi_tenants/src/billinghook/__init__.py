"""billinghook: Stripe webhooks -> each customer's HubSpot portal."""

"""crmbridge: sign-ups and subscriptions between the web shop, Mailchimp and HubSpot."""

"""Shop orders -> HubSpot deals. Maintained by Bright Pixel Agency."""

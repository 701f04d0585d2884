"""hsops: marketing-ops helpers used from notebooks and cron."""

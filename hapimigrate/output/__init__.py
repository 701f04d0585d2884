"""Ways of showing results: diffs, site lines and summaries."""

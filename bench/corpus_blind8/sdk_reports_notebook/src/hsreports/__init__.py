"""Sales reporting helpers used by the analysts' notebook and the weekly job."""

"""Stand-in for the parts of Django the corpus projects import."""
VERSION = (3, 2, 0, "final", 0)

"""Helpers shared by the analysis notebooks."""

"""Lead scoring helpers shared by the notebooks."""

__version__ = "0.3.1"

"""The fixers, one module per family of hapikey use, each registered with what it
looks for (see :mod:`hapimigrate.fixers.registry`). Each module's docstring shows
the code it finds and what it makes of it."""

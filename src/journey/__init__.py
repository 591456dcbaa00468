"""journey: plan your own care and support, one question at a time."""

__version__ = "0.1.0"

"""journey: plan your own care and support, one question at a time."""

__version__ = "0.1.0"
# The name to install journey by (the command stays `journey`): on the package index,
# "journey" is an unrelated project.
DISTRIBUTION = "journey-care"

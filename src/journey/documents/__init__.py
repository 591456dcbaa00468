"""The files a person takes away (plan, profile, assessment sheet), rendered from the plan:
Jinja2 templates, Word, and the two pictures."""

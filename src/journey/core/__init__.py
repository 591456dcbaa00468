"""The journey core: a journey as a list of events, the machine that walks the twelve steps,
and reading what people type. It knows the content and nothing else."""

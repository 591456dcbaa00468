"""A person in conversation with journey: the session joins the machine, the journey and the
plan, and saves through whatever store it is given. The app and plain lines both use it."""

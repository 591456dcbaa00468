"""How the database in journeys-v1.sql was written: by journey at commit bbf08c8
(database schema 1), the last version before the summary columns, with
`python make_v1.py FOLDER`. Run against later code it writes the newer schema, so the
dump is kept, not remade."""

import sys
from pathlib import Path

from journey import content
from journey.conversation.session import Session
from journey.store.database import Store

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
words = content.default()
store = Store(out)
# On her own: a few answers, went back and changed one, skipped a step.
s = Session(words, store, store.create())
s.answer("Ann Example")
s.answer("self")
s.answer("person")  # rights.who
s.answer("yes")  # rights.knew
s.back()
s.answer("no")  # changed her mind
s.answer("To cook my own meals")
s.skip_step()
# With an advocate answering for him; stopped after the welcome.
t = Session(words, store, store.create())
t.answer("Bo")
t.answer("behalf")
t.answer("Jo")
t.answer("advocate")
# Just a name, with letters from beyond ASCII.
u = Session(words, store, store.create())
u.answer("Cy \u00e9\u00e8 \u2014 \U0001f600")
u.next()
for made in (s, t, u):
    print(made.journey.id, made.journey.name, made.flow.state, made.percent_done())
store.close()

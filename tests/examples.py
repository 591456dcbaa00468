"""Three example journeys, answered through the real Session as a person would, by question id.
They feed the plan, readiness and export tests, and can later be saved as the example
journeys under content/examples/ once the interchange format exists.

- Mia: a mother caring for three autistic sons (the twins Jake and Leo, and Alfie), with a
  direct payment that employs personal assistants. Her plan is complete and ready.
- Gareth: a man whose world widened from a chat with his bus driver to the pub quiz and the
  rugby club; planned with his support broker; no back-up plan yet, a start date unsure.
- Edna: an older person home from hospital, planned for her by her daughter Carol, who has
  moved in and would like to be paid; costs over the budget, and several things missing.
"""

from __future__ import annotations

from typing import Any

from journey.content import Journey as Content
from journey.session import Session
from journey.store import Store

UNSURE = object()  # answer "not sure yet"


def walk(words: Content, store: Store, answers: dict[str, Any]) -> Session:
    """Go through the journey from the start, answering the questions named and passing the
    others by. Fails if a named question was never asked (its condition did not hold)."""
    session = Session(words, store, store.create())
    left = dict(answers)
    while not session.finished:
        question = session.question
        if question is None:
            break
        if question.id in left:
            value = left.pop(question.id)
            if value is UNSURE:
                session.answer(None, unsure=True)
            else:
                session.answer(value)
        elif not session.next():
            break
    assert not left, f"never asked: {sorted(left)}"
    return session


def item(what: str, provider: str, times: int, period: str, hours: str, cost: str, per: str,
         funding: str, helps: str = "", serves: list[str] | None = None) -> dict[str, Any]:
    made: dict[str, Any] = {
        "what": what, "helps": helps, "provider": provider, "times": str(times),
        "period": period, "hours": hours, "cost": cost, "per": per, "funding": funding}
    if serves:
        made["serves"] = serves
    return made


def person(name: str, relation: str, ring: str, helps: str = "") -> dict[str, str]:
    return {"name": name, "relation": relation, "ring": ring, "helps": helps}


MIA_REST = "Rest, with two evenings off a week"
MIA_COSTS = [
    item("Personal assistant time with Jake", "pa", 1, "week", "3", "14.75", "hour",
         "personal-budget", "Jake goes swimming; I get a rest",
         ["No time for myself", MIA_REST]),
    item("Personal assistant time with Leo", "pa", 1, "week", "3", "14.75", "hour",
         "personal-budget", "Leo goes to the climbing wall; I get a rest",
         ["No time for myself", MIA_REST]),
    item("Personal assistant time with Alfie", "pa", 2, "week", "2.5", "14.75", "hour",
         "personal-budget", "Alfie has time out; I see my friends", ["See my friends"]),
    item("Employer's liability insurance", "other", 1, "year", "", "120", "time",
         "personal-budget", "Needed to employ the assistants"),
    item("Payroll service", "other", 1, "month", "", "15", "time", "personal-budget",
         "Pays the assistants, with tax taken off"),
    item("Yoga class", "community", 1, "week", "", "8", "time", "own-money",
         "Time for me", ["No time for myself"]),
    item("Coffee with Priya", "family", 1, "week", "", "0", "time", "free",
         "Seeing my friends", ["See my friends"]),
    item("Ruth has the boys one Sunday a month", "family", 1, "month", "", "0", "time", "free",
         "A lie-in, and a full night's sleep", ["Never a full night's sleep"]),
]


def mia(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Mia",
        "welcome.mode": "self",
        "rights.who": "carer",
        "rights.cared-for-age": ["adult", "teen"],
        "rights.young-carer": "no",
        "rights.hopes": "Time to rest, to see my friends, and to go back to work part time",
        "assessment.hard": ["Never a full night's sleep", "No time for myself"],
        "assessment.good-bad-days": "On a good day the boys are settled by eight.",
        "assessment.impact": "I had to give up my job, and I am always tired.",
        "assessment.working": ["Ruth has the boys one Sunday a month"],
        "assessment.not-working": ["I am awake most nights with the twins"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "assessment.eligible-needs": ["Never a full night's sleep", "No time for myself"],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "180.00", "period": "week"},
        "personal-budget.agreed": "yes",
        "personal-budget.pay-part": "no",
        "personal-budget.managed": "direct-payment",
        "personal-budget.money-person": {"name": "Mia", "relation": "me"},
        "personal-budget.dp-amount": {"amount": "720.00", "period": "four-weeks"},
        "personal-budget.dp-first": "2026-03-16",
        "personal-budget.family-relation": "no-one",
        "personal-budget.employ-pa": "yes",
        "personal-budget.employer-basics": ["contract", "payroll", "insurance", "records"],
        "health-budget.route": ["none"],
        "circle.people": [
            person("Ruth", "sister", "closest", "Has the boys one Sunday a month"),
            person("Priya", "friend", "friends", "Coffee and a listening ear"),
            person("Autism parents' group", "group", "groups", "Advice and company"),
            person("Lou", "personal assistant", "paid", "Swimming with Jake"),
        ],
        "circle.knows-best": {"name": "Ruth", "relation": "sister"},
        "circle.unpaid-carer": "no",
        "circle.planning": ["Ruth"],
        "advocacy.hard": ["none"],
        "advocacy.want": "no",
        "brokerage.want": "no",
        "dreams.good-day": "A lie-in, a walk by the river, and the boys happy",
        "dreams.love": ["Walking", "Singing"],
        "dreams.admire": ["I never give up", "I make people laugh"],
        "dreams.never": ["The boys split up into different homes"],
        "dreams.keep-well": ["Eight hours of sleep", "Time outdoors"],
        "options.kinds": ["pa", "groups"],
        "connections.places": ["The river path", "The library"],
        "planning.support": ["Each boy has a few hours with a personal assistant a week"],
        "planning.how-to-support": ["Tell me the plan for the week on Sunday"],
        "planning.outcomes": [MIA_REST, "See my friends"],
        "planning.costs": MIA_COSTS,
        "planning.pa-costs": ["insurance", "payroll"],
        "planning.organise": "Me, with a payroll service",
        "planning.in-control": ["I choose the assistants", "I set the hours"],
        "planning.prevention": ["groups", "health"],
        "planning.prevention-plan": ["Keep going to the autism parents' group",
                                     "See my doctor about my sleep"],
        "planning.risks": ["I get so tired I could fall ill",
                           "An assistant leaves at short notice"],
        "planning.stay-safe": ["Two evenings off a week", "The assistants cover for each other"],
        "planning.risks-chosen": ["The boys go out with assistants they are still getting to "
                                  "know"],
        "planning.carer-wishes": "Keep caring, with two evenings off a week",
        "planning.backup": "Ruth steps in, or the assistants cover for each other",
        "planning.backup-people": ["Ruth, my sister: 07700 900123"],
        "planning.carer-emergency": "Ruth has the boys, and knows their routines",
        "planning.carer-able": "with-support",
        "happen.first-steps": [
            {"what": "Open a bank account for the direct payment", "who": "Mia",
             "by": "2026-03-16", "status": "done"},
            {"what": "Advertise for a third personal assistant", "who": "Mia",
             "by": "2026-04-01", "status": "doing"},
        ],
        "happen.who": {"name": "Ruth", "relation": "sister"},
        "happen.agreed": "2026-03-02",
        "happen.start": "2026-03-30",
        "happen.person-agrees": "yes",
        "happen.signed-by": "Sam Lee, social worker",
    })


GARETH_COSTS = [
    item("Support worker to go to the rugby club", "agency", 1, "week", "3", "22.40",
         "hour", "personal-budget", "Meeting people at the club",
         ["Going out on my own", "Something to do on Saturdays"]),
    item("Rugby club membership", "community", 1, "year", "", "95", "time", "own-money",
         "Being part of the club", ["Something to do on Saturdays", "More friends"]),
    item("Pub quiz", "community", 1, "week", "", "2", "time", "own-money",
         "Friends on the quiz team", ["More friends", "Talking to new people"]),
    item("Lifts home from Dave", "family", 1, "week", "", "0", "time", "free",
         "Getting home safely", ["Going out on my own"]),
]


def gareth(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Gareth",
        "welcome.mode": "with",
        "welcome.helper-name": "Jo",
        "welcome.helper-role": "support broker",
        "rights.who": "person",
        "rights.hopes": "More friends, something to do on Saturdays, not being stuck at home",
        "assessment.hard": ["Going out on my own", "Talking to new people"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "3600", "period": "year"},
        "personal-budget.agreed": "no",
        "personal-budget.managed": "council-managed",
        "personal-budget.money-person": {"name": "The council", "relation": "managed account"},
        "health-budget.route": ["none"],
        "circle.people": [
            person("Mum", "mother", "closest", "Sunday dinner"),
            person("Dave", "bus driver", "friends", "Told me about the quiz"),
            person("The Red Lion quiz team", "team", "groups"),
            person("Rugby club", "club", "groups", "Training on Saturdays"),
            person("Sian", "support worker", "paid", "Comes to the club with me"),
        ],
        "circle.unpaid-carer": "no",
        "circle.more-people": "yes",
        "brokerage.want": "have",
        "brokerage.who": {"name": "Jo", "relation": "support broker"},
        "dreams.good-day": "Rugby in the morning and the quiz at night",
        "dreams.love": ["Rugby", "Quizzes"],
        "dreams.admire": ["I know every capital city"],
        "connections.places": ["The Red Lion", "The rugby club"],
        "connections.with-others": ["Help out at the club on match days"],
        "connections.helper": {"name": "Dave", "relation": "bus driver"},
        "planning.support": ["Saturday: rugby club with Sian", "Thursday: quiz"],
        "planning.outcomes": ["More friends", "Something to do on Saturdays"],
        "planning.costs": GARETH_COSTS,
        "planning.organise": "Jo at first, then me",
        "planning.in-control": ["I choose what I do on Saturdays"],
        "planning.prevention": ["groups"],
        "planning.risks": ["Getting home late at night"],
        "planning.stay-safe": ["Dave gives me a lift home"],
        "happen.first-steps": [
            {"what": "Ask the agency for a support worker who likes rugby", "who": "Jo",
             "by": "", "status": "to-do"},
        ],
        "happen.start": UNSURE,
    })


EDNA_COSTS = [
    item("Home care visits, morning and bedtime", "agency", 14, "week", "0.5", "24.60",
         "hour", "personal-budget", "Getting washed and dressed",
         ["Getting washed", "To stay in her own home"]),
    item("Carol's help in the evenings", "family", 7, "week", "1", "12.60", "hour",
         "personal-budget", "A hot meal and company", ["Cooking"]),
    item("Pendant alarm", "equipment", 1, "four-weeks", "", "23.40", "time",
         "personal-budget", "Help comes if I fall", ["Feeling safe at night"]),
    item("Lunch club", "community", 2, "week", "", "4.50", "time", "own-money",
         "Seeing people"),
]


def edna(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Edna",
        "welcome.mode": "behalf",
        "welcome.helper-name": "Carol",
        "welcome.helper-role": "daughter",
        "rights.who": "person",
        "rights.hopes": "To stay in her own home, and to feel safe at night",
        "rights.knows": "agrees",
        "rights.decide": "some",
        "rights.power": "none",
        "rights.paid-helper": "yes",
        "assessment.hard": ["Getting washed", "Cooking"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "210.00", "period": "week"},
        "personal-budget.agreed": "no",
        "personal-budget.pay-part": UNSURE,
        "personal-budget.managed": "mix",
        "personal-budget.dp-amount": {"amount": "88.20", "period": "week"},
        "personal-budget.family-relation": "child",
        "personal-budget.family-household": "yes",
        "personal-budget.council-agree": "not-yet",
        "personal-budget.employ-pa": "no",
        "health-budget.route": ["none"],
        "circle.people": [person("Carol", "daughter", "closest", "Lives with Edna now")],
        "circle.unpaid-carer": "yes",
        "dreams.good-day": "Tea in the garden and a chat with a neighbour",
        "dreams.love": ["Her garden"],
        "planning.support": ["Morning and bedtime visits", "Carol in the evenings"],
        "planning.outcomes": ["To stay in her own home", "Feeling safe at night"],
        "planning.costs": EDNA_COSTS,
        "planning.organise": "Carol",
        "planning.backup": "The agency sends someone else",
        "happen.first-steps": [
            {"what": "Ask the council to agree paying Carol", "who": "Carol",
             "by": "2026-09-14", "status": "to-do"},
        ],
        "happen.agreed": "2026-08-31",
    })


EXAMPLES = {"mia": mia, "gareth": gareth, "edna": edna}

"""Four example journeys, answered through the real Session as a person would, by question id.
Each answers every question that applies to it, so each is finished at 100%. They feed the
plan, check and export tests, and are shipped as journey files in content/examples/
(scripts/make-example writes them from these builders).

- Mia: a carer for her three autistic sons. The twins Jake and Leo are 19 and have their own
  assessments and plans: their personal assistants, and the night assistant who lets her
  sleep, are paid from their own budgets and shown in her plan as other money. Her own
  carer's personal budget, a small direct payment, pays for what meets her needs: breaks away,
  a gym pass, taxis home; she employs no one. Alfie is 15: his short breaks and her parent
  carer's needs assessment for him come from the council's children's services, and his
  transition assessment is asked for. Planned alone; agreed, and ready.
- Gareth: a man whose world widened from a chat with his bus driver to the pub quiz and the
  rugby club; planned with Jo, his support broker; the council manages his budget and he pays
  a weekly contribution. Agreed, and ready.
- Edna: an older person home from hospital, planned on her behalf by her daughter Carol, the
  example of what the check catches. Edna decides about her care and her home; she cannot
  decide about money, so Carol runs her direct payment as an authorised person, and would be
  paid from it too (a conflict of interest, named). The plan is not agreed yet, and the check
  lists what a panel would send back: the costs are over a rough budget, paying Carol needs
  the council's agreement, her pay is below the National Living Wage, the plan says no one is
  employed though the direct payment pays her by the hour, getting out nothing meets yet, and
  her contribution is still to find out.
- Ryan: a young man of 17 with a learning disability, moving from children's services to adult
  care at 18, planned with his mum Lisa while he takes part (his own words are marked). He
  has had his transition assessment and has an EHC plan for college. He decides about his
  care and where to live; he cannot decide about money, so Lisa, his DWP appointee, runs his
  direct payment as an authorised person and is the employer of his personal assistant; she
  is not paid from it. Not agreed yet: the plan starts on his 18th birthday, and the check
  says only what is worth checking (children's services until 18, and carrying on until
  adult help is decided).
"""

from __future__ import annotations

from typing import Any

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.money.typed import Typed
from journey.store.database import Store

UNSURE = object()  # answer "not sure yet"


class Own:
    """An answer in the person's own words, marked so by whoever plans with them (planning
    for someone who is here: the planner's "suggested" mark is the person's own voice)."""

    def __init__(self, value: Any) -> None:
        self.value = value


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
            elif isinstance(value, Own):
                session.answer(value.value, suggested=True)
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


def step(what: str, who: str, by: str, status: str) -> dict[str, str]:
    return {"what": what, "who": who, "by": by, "status": status}


# -- Mia -------------------------------------------------------------------------------------

MIA_SLEEP = "Never a full night's sleep"
MIA_TIME = "No time for myself"
MIA_REST = "Rest, with two evenings off a week"
MIA_FRIENDS = "See my friends every week"
MIA_COSTS = [
    # The twins' own support comes from their own assessments and their own personal budgets:
    # it meets Mia's needs too, and her plan shows it, but her carer's budget does not pay it.
    item("Jake's personal assistant, from his own personal budget", "pa", 1, "week", "3.5",
         "14.75", "hour", "other", "Jake goes swimming; I get an evening off",
         [MIA_TIME, MIA_REST]),
    item("Leo's personal assistant, from his own personal budget", "pa", 1, "week", "3.5",
         "14.75", "hour", "other", "Leo goes to the climbing wall; I see my friends",
         [MIA_TIME, MIA_FRIENDS]),
    item("A night assistant for the twins, from their own personal budgets", "pa", 2,
         "four-weeks", "", "105", "time", "other", "A full night's sleep twice a month",
         [MIA_SLEEP, MIA_REST]),
    # What Mia's own carer's budget pays for: her own needs.
    item("A short break away, two nights", "other", 2, "year", "", "300", "time",
         "personal-budget", "Time for me, away from caring", [MIA_TIME, MIA_REST]),
    item("Gym and swimming pass", "community", 1, "month", "", "25", "time",
         "personal-budget", "Time for me, and keeping well", [MIA_TIME]),
    item("Taxi home after seeing friends", "other", 2, "four-weeks", "", "10", "time",
         "personal-budget", "I can stay out in the evening", [MIA_FRIENDS]),
    item("Yoga class", "community", 1, "week", "", "8", "time", "own-money",
         "Time for me", [MIA_TIME]),
    item("Coffee with Priya", "family", 1, "week", "", "0", "time", "free",
         "Seeing my friends", [MIA_FRIENDS]),
    item("Ruth has the boys one Sunday a month", "family", 1, "month", "", "0", "time", "free",
         "A lie-in, and a full night's sleep", [MIA_SLEEP]),
]


def mia(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Mia",
        "welcome.mode": "self",
        "rights.hopes": "Time to rest, to see my friends, and to keep caring for the boys",
        "rights.why-now": "The twins turned 19, and I am worn out",
        "rights.who": "carer",
        "rights.cared-for": ("My sons: the twins Jake and Leo, who are 19 and autistic and "
                             "have their own care and support plans, and Alfie, who is 15 "
                             "and autistic"),
        "rights.age": "adult",
        "rights.cared-for-age": ["adult", "teen"],
        "assessment.hard": [MIA_SLEEP, MIA_TIME],
        "assessment.good-bad-days": ("On a good day the boys are settled by eight and I read. "
                                     "On a bad day the twins are up all night."),
        "assessment.impact": "I had to give up my job, and I am always tired.",
        "assessment.working": ["Ruth has the boys one Sunday a month",
                               "The autism parents' group"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "assessment.eligible-needs": [MIA_SLEEP, MIA_TIME],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "1160.00", "period": "year"},
        "personal-budget.enough": "yes",
        "personal-budget.agreed": "yes",
        "personal-budget.pay-part": "no",
        "personal-budget.costs-help": ["none"],
        "personal-budget.managed": "direct-payment",
        "personal-budget.dp-holder": "self",
        "personal-budget.dp-amount": {"amount": "1160.00", "period": "year"},
        "personal-budget.dp-first": "2026-03-16",
        "personal-budget.family-relation": "no-one",
        "personal-budget.employ-pa": "no",
        "health-budget.route": ["none"],
        "circle.people": [
            person("Ruth", "sister", "closest", "Has the boys one Sunday a month"),
            person("Priya", "friend", "friends", "Coffee and a listening ear"),
            person("Autism parents' group", "group", "groups", "Advice and company"),
            person("Lou", "personal assistant", "paid",
                   "Swimming with Jake, paid from Jake's own budget"),
        ],
        "circle.knows-best": {"name": "Ruth", "relation": "sister"},
        "circle.would-call": {"name": "Ruth", "relation": "sister"},
        "circle.unpaid-carer": "no",
        "circle.planning": ["Ruth"],
        "circle.not-involved": "No one",
        "circle.more-people": "no",
        "advocacy.hard": ["none"],
        "advocacy.other": ["none"],
        "advocacy.want": "no",
        "brokerage.hardest": ["Finding assistants the boys trust"],
        "brokerage.want": "no",
        "dreams.love": ["Walking", "Singing"],
        "dreams.important": ["The boys staying together at home", "A full night's sleep"],
        "dreams.admire": ["I never give up", "I make people laugh"],
        "dreams.never": ["The boys split up into different homes"],
        "dreams.keep-well": ["Eight hours of sleep", "Time outdoors"],
        "options.ideas": ["A break away twice a year", "A night assistant in the twins' plans"],
        "options.kinds": ["groups"],
        "connections.places": ["The river path", "The library"],
        "planning.support": [
            "Tuesday and Thursday evenings: Jake's or Leo's assistant takes him out, from "
            "the twins' own plans",
            "Twice a month: the twins' night assistant, so I sleep",
            "Twice a year: two nights away, from my carer's budget",
            "Alfie: short breaks from children's services, once they are agreed"],
        "planning.how-to-support": ["Tell me the plan for the week on Sunday"],
        "planning.outcomes": [MIA_REST, MIA_FRIENDS],
        "planning.costs": MIA_COSTS,
        "planning.organise": "Me",
        "planning.in-control": ["I choose when I take my breaks", "I book them myself"],
        "planning.prevention": ["groups", "health"],
        "planning.risks": ["I get so tired I could fall ill",
                           "The twins' assistant leaves at short notice",
                           "I choose to let the twins go out with new assistants"],
        "planning.carer-wishes": "Keep caring, with two evenings off a week, and work again "
                                 "when Alfie is at college",
        "planning.backup": "If one of the twins' assistants is off, the other covers. If not, I "
                           "ring Ruth on 07700 900123, day or night",
        "planning.carer-emergency": "Ruth has the boys, and knows their routines. Her number "
                                    "is on the fridge",
        "planning.carer-able": "with-support",
        "happen.working-well": ["I sleep through twice a month", "Two evenings off a week"],
        "happen.first-steps": [
            step("Open a bank account for the direct payment", "Mia", "2026-03-16", "done"),
            step("Ask the children's team for a parent carer's needs assessment for Alfie",
                 "Mia", "2026-03-23", "doing"),
            step("Ask for a transition assessment for Alfie", "Mia", "2026-04-30", "to-do"),
            step("Book the first break away", "Mia", "2026-04-01", "doing"),
        ],
        "happen.agreed-yet": "yes",
        "happen.agreed": "2026-03-02",
        "happen.start": "2026-03-30",
        "happen.details": {},
        "happen.signed-by": "Sam Lee, social worker",
    })


# -- Gareth ----------------------------------------------------------------------------------

GARETH_OUT = "Going out on my own"
GARETH_TALK = "Talking to new people"
GARETH_FRIENDS = "More friends"
GARETH_SATURDAYS = "Something to do on Saturdays"
GARETH_COSTS = [
    item("Support worker to go to the rugby club", "agency", 1, "week", "3", "22.40",
         "hour", "personal-budget", "Meeting people at the club",
         [GARETH_OUT, GARETH_SATURDAYS, GARETH_TALK]),
    item("Rugby club membership", "community", 1, "year", "", "95", "time", "own-money",
         "Being part of the club", [GARETH_SATURDAYS, GARETH_FRIENDS]),
    item("Pub quiz", "community", 1, "week", "", "2", "time", "own-money",
         "Friends on the quiz team", [GARETH_FRIENDS, GARETH_TALK]),
    item("Lifts home from Dave", "family", 1, "week", "", "0", "time", "free",
         "Getting home safely", [GARETH_OUT]),
]


def gareth(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Gareth",
        "welcome.mode": "with",
        "welcome.helper-name": "Jo",
        "welcome.helper-role": "support broker",
        "welcome.pronouns": "he",
        "rights.hopes": "More friends, something to do on Saturdays, not being stuck at home",
        "rights.why-now": "Mum is getting older, and I want a life of my own",
        "rights.who": "person",
        "rights.age": "adult",
        "rights.decide": "yes",
        "rights.decide-home": "yes",
        "rights.decide-money": "yes",
        "rights.paid-helper": "no",
        "assessment.hard": [GARETH_OUT, GARETH_TALK],
        "assessment.good-bad-days": ("On a good day I go to the quiz and we win. On a bad day "
                                     "I do not leave the flat."),
        "assessment.impact": "I stay in most days and only see Mum.",
        "assessment.working": ["Dave tells me what is on", "Sunday dinner with Mum"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "assessment.eligible-needs": [GARETH_OUT, GARETH_TALK],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "3600", "period": "year"},
        "personal-budget.enough": "yes",
        "personal-budget.agreed": "yes",
        "personal-budget.pay-part": "yes",
        "personal-budget.costs-help": ["benefits"],
        "personal-budget.managed": "council-managed",
        "personal-budget.money-person": {"name": "The council", "relation": "managed account"},
        "personal-budget.money-help": ["Jo explains the statements"],
        "health-budget.route": ["none"],
        "circle.people": [
            person("Mum", "mother", "closest", "Sunday dinner"),
            person("Dave", "bus driver", "friends", "Told me about the quiz"),
            person("The Red Lion quiz team", "team", "groups"),
            person("Rugby club", "club", "groups", "Training on Saturdays"),
            person("Sian", "support worker", "paid", "Comes to the club with me"),
            person("Jo", "support broker", "paid", "Helps me plan"),
        ],
        "circle.knows-best": {"name": "Mum", "relation": "mother"},
        "circle.would-call": {"name": "Mum", "relation": "mother"},
        "circle.unpaid-carer": "no",
        "circle.planning": ["Jo", "Mum"],
        "circle.not-involved": "No one",
        "circle.more-people": "yes",
        "advocacy.hard": ["none"],
        "advocacy.other": ["none"],
        "advocacy.want": "no",
        "brokerage.hardest": ["Finding things to do", "Working out the costs"],
        "brokerage.want": "have",
        "brokerage.who": {"name": "Jo", "relation": "support broker"},
        "brokerage.pay": "no",
        "dreams.love": ["Rugby", "Quizzes"],
        "dreams.important": ["Seeing Mum on Sundays", "Being part of a team"],
        "dreams.admire": ["I know every capital city"],
        "dreams.never": ["Being told off in front of people"],
        "dreams.keep-well": ["A walk every day", "Home by eleven"],
        "options.ideas": ["A support worker who likes rugby"],
        "options.kinds": ["agency", "groups"],
        "options.pay-family": "no",
        "connections.places": ["The Red Lion", "The rugby club"],
        "connections.with-others": ["Help out at the club on match days"],
        "connections.first-step": ["Ask the coach about helping on match days"],
        "connections.helper": {"name": "Dave", "relation": "bus driver"},
        "planning.support": ["Saturday: rugby club with Sian", "Thursday: quiz at the Red Lion"],
        "planning.how-to-support": ["Give me time to answer", "Tell me who I will meet"],
        "planning.outcomes": [GARETH_FRIENDS, GARETH_SATURDAYS],
        "planning.costs": GARETH_COSTS,
        "planning.contribution": {"amount": "12.50", "period": "week"},
        "planning.organise": "Jo at first, then me",
        "planning.in-control": ["I choose what I do on Saturdays"],
        "planning.prevention": ["groups", "health"],
        "planning.risks": ["Getting home late at night",
                           "Someone at the pub could ask me for money"],
        "planning.backup": "If Sian is off, the agency sends a worker I have met. Or I ring "
                           "Mum on 07700 900456",
        "happen.working-well": ["I go to the club every Saturday", "I know people by name"],
        "happen.first-steps": [
            step("Ask the agency for a support worker who likes rugby", "Jo", "2026-05-01",
                 "done"),
            step("Meet Sian before the first Saturday", "Gareth and Jo", "2026-05-09",
                 "to-do"),
        ],
        "happen.agreed-yet": "yes",
        "happen.agreed": "2026-04-20",
        "happen.start": "2026-05-16",
        "happen.details": {},
        "happen.person-agrees": "yes",
        "happen.signed-by": "Alex Morgan, social worker",
        "happen.easy-read": "yes",
        "happen.easy-picture": "friends",
    })


# -- Edna ------------------------------------------------------------------------------------

EDNA_WASH = "Getting washed"
EDNA_COOK = "Cooking"
EDNA_OUT = "Getting out to the shops and the doctor"
EDNA_HOME = "To stay in her own home"
EDNA_SAFE = "Feeling safe at night"
EDNA_COSTS = [
    item("Home care visits, morning and bedtime", "agency", 14, "week", "0.5", "24.60",
         "hour", "personal-budget", "Getting washed and dressed", [EDNA_WASH, EDNA_HOME]),
    item("Carol's help in the evenings", "family", 7, "week", "1", "12.60", "hour",
         "personal-budget", "A hot meal and company", [EDNA_COOK, EDNA_HOME]),
    item("Pendant alarm", "equipment", 1, "four-weeks", "", "23.40", "time",
         "personal-budget", "Help comes if she falls", [EDNA_SAFE]),
    item("Lunch club", "community", 2, "week", "", "4.50", "time", "own-money",
         "Seeing people", [EDNA_COOK]),
]


def edna(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Edna",
        "welcome.mode": "behalf",
        "welcome.helper-name": "Carol",
        "welcome.helper-role": "daughter",
        "welcome.pronouns": "she",
        "rights.hopes": "To stay in her own home, and to feel safe at night",
        "rights.why-now": "She came home from hospital after a fall",
        "rights.who": "person",
        "rights.age": "older",
        "rights.knows": "agrees",
        "rights.their-views": "She wants to stay at home with her cat, and not be a bother",
        "rights.decide": "yes",
        "rights.decide-home": "yes",
        "rights.decide-money": "no",
        "rights.power-money": "none",
        "rights.decider": {"name": "Carol", "relation": "daughter"},
        "rights.best-interests": ("In hospital her social worker found she cannot weigh up "
                                  "money now. With money, Carol does what Edna always did: "
                                  "bills first, and no debts. We asked her friends at chapel "
                                  "too"),
        "rights.paid-helper": "yes",
        "assessment.hard": [EDNA_WASH, EDNA_COOK, EDNA_OUT],
        "assessment.good-bad-days": ("On a good day she sits in the garden and chats to the "
                                     "neighbour. On a bad day she is muddled and frightened."),
        "assessment.impact": "She has not left the house since the fall.",
        "assessment.working": ["Carol living with her", "The neighbour pops in"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "assessment.eligible-needs": [EDNA_WASH, EDNA_COOK],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "210.00", "period": "week"},
        "personal-budget.enough": "no",
        "personal-budget.how-worked-out": "no",
        "personal-budget.agreed": "no",
        "personal-budget.pay-part": "yes",
        "personal-budget.costs-help": ["benefits", "home"],
        "personal-budget.managed": "mix",
        "personal-budget.dp-holder": "authorised",
        "personal-budget.money-person": {"name": "Carol", "relation": "daughter"},
        "personal-budget.money-help": ["The council's direct payment team"],
        "personal-budget.dp-amount": {"amount": "88.20", "period": "week"},
        "personal-budget.dp-first": "2026-10-05",
        "personal-budget.family-relation": "child",
        "personal-budget.family-who": {"name": "Carol", "relation": "daughter"},
        "personal-budget.family-household": "yes",
        "personal-budget.family-with-holder": "no",
        "personal-budget.council-agree": "not-yet",
        "personal-budget.employ-pa": "no",
        "health-budget.route": ["none"],
        "circle.people": [
            person("Carol", "daughter", "closest", "Lives with Edna now"),
            person("Joan", "neighbour", "friends", "Pops in most mornings"),
            person("Chapel friends", "chapel", "groups", "Visit on Sundays"),
        ],
        "circle.knows-best": {"name": "Carol", "relation": "daughter"},
        "circle.would-call": {"name": "Carol", "relation": "daughter"},
        "circle.unpaid-carer": "yes",
        "circle.planning": ["Carol", "Joan"],
        "circle.not-involved": "No one",
        "circle.more-people": "no",
        "advocacy.hard": ["remember", "weigh"],
        "advocacy.someone": "yes",
        "advocacy.someone-who": {"name": "Joan", "relation": "neighbour"},
        "advocacy.other": ["none"],
        "advocacy.want": "no",
        "brokerage.hardest": ["Working out the costs"],
        "brokerage.want": "no",
        "dreams.love": ["Her garden", "Her cat, Sooty"],
        "dreams.important": ["Her own home", "Chapel on Sundays"],
        "dreams.admire": ["She always has a biscuit for visitors"],
        "dreams.never": ["Being moved into a care home"],
        "dreams.keep-well": ["Her tablets on time", "A hot meal every day"],
        "options.ideas": ["Visits at the same times each day", "A pendant alarm"],
        "options.kinds": ["agency", "equipment"],
        "options.tech": ["Pendant alarm", "A big-button phone"],
        "connections.places": ["Her garden", "The chapel"],
        "planning.support": ["Morning and bedtime visits", "Carol in the evenings"],
        "planning.how-to-support": ["Speak slowly, and face her", "Let her choose her clothes"],
        "planning.outcomes": [EDNA_HOME, EDNA_SAFE],
        "planning.costs": EDNA_COSTS,
        "planning.contribution": UNSURE,
        "planning.organise": "Carol",
        "planning.in-control": ["Edna chooses when to get up", "Carol asks her first"],
        "planning.prevention": ["falls", "equipment"],
        "planning.risks": ["Falling at night", "Forgetting to eat",
                           "She chooses to walk in the garden alone"],
        "planning.backup": "The agency sends someone else. At night, the alarm calls Carol "
                           "on 07700 900789",
        # Carol is paid for the evening meal, so her unpaid help is what the plan does not pay.
        "planning.carer-meets": ["Sleeps in the house at night",
                                 "Does her shopping and washing"],
        "planning.carer-backup": "Her son Mark would stay for a while, and we would ask the "
                                 "council for a review",
        "planning.their-carer-wishes": "Carol wants to keep helping, and to work two days a "
                                       "week",
        "happen.working-well": ["No more falls", "She sits in the garden again"],
        "happen.first-steps": [
            step("Ask the council to agree paying Carol", "Carol", "2026-09-14", "to-do"),
            step("Ask for a financial assessment", "Carol", "2026-09-07", "doing"),
            step("Take the plan to the council", "Carol", "2026-09-21", "to-do"),
        ],
        "happen.agreed-yet": "not-yet",
        "happen.start": "2026-10-05",
        "happen.details": {"main": "Carol (daughter)", "carer": "Carol (daughter)"},
        "happen.person-agrees": "most",
        "happen.easy-read": "no",
    })


# -- Ryan ------------------------------------------------------------------------------------

RYAN_OUT = "Getting about town on my own"
RYAN_FRIENDS = "Seeing friends out of college"
RYAN_WASH = "Remembering to wash and change"
RYAN_BUS = "Take the bus into town on my own"
RYAN_TEAM = "Play for a football team"
RYAN_COSTS = [
    item("Personal assistant: the gym, football and the bus", "pa", 1, "week", "10", "13.50",
         "hour", "personal-budget", "Out without Mum, learning the bus routes",
         [RYAN_OUT, RYAN_FRIENDS, RYAN_BUS, RYAN_TEAM]),
    item("Holiday pay for the assistant, 5.6 weeks", "other", 1, "year", "", "756", "time",
         "personal-budget", "The assistant gets paid holiday"),
    item("Cover when the assistant is off", "other", 1, "year", "", "300", "time",
         "personal-budget", "Someone he knows steps in"),
    item("Employer's liability insurance", "other", 1, "year", "", "120", "time",
         "personal-budget", "Needed to employ the assistant"),
    item("Payroll service", "other", 1, "month", "", "15", "time", "personal-budget",
         "Pays the assistant, with tax taken off"),
    item("Football club subs", "community", 1, "month", "", "20", "time", "own-money",
         "Being in a team", [RYAN_TEAM, RYAN_FRIENDS]),
    item("Reminders on his phone, set up with Mum", "family", 1, "week", "", "0", "time",
         "free", "Washing and clean clothes without being told", [RYAN_WASH]),
]


def ryan(words: Content, store: Store) -> Session:
    return walk(words, store, {
        "welcome.name": "Ryan",
        "welcome.mode": "here",
        "welcome.helper-name": "Lisa",
        "welcome.helper-role": "mum",
        "welcome.pronouns": "he",
        "rights.hopes": Own("To go to college, play football, and go out without Mum"),
        "rights.why-now": "Ryan turns 18 on 20 November. His short breaks from children's "
                          "services are meant to end then",
        "rights.who": "person",
        "rights.age": "teen",
        "rights.young-needs": ["childrens-services", "education", "ehc",
                               "learning-disability"],
        "rights.their-views": Own("I want to choose my own PA. I want to live with Mum for "
                                  "now, and have my own flat one day"),
        "rights.decide": "yes",
        "rights.decide-home": "yes",
        "rights.decide-money": "no",
        "rights.power-money": "appointee",
        "rights.decider": {"name": "Lisa", "relation": "mum"},
        "rights.best-interests": ("At his transition assessment his social worker found he "
                                  "cannot weigh up money yet. Ryan chooses what the money is "
                                  "for, with pictures of the choices. Lisa keeps the account "
                                  "and pays the bills"),
        "rights.paid-helper": "no",
        "assessment.hard": [RYAN_OUT, RYAN_FRIENDS, RYAN_WASH],
        "assessment.good-bad-days": Own("On a good day I go to college and football. On a "
                                        "bad day it is too loud and I stay in my room."),
        "assessment.impact": "He only goes out with Lisa, and is lonely in the holidays.",
        "assessment.working": ["Short breaks on Saturdays, from children's services",
                               "Football with his cousin Dan"],
        "assessment.status": "yes",
        "assessment.decision": "eligible",
        "assessment.eligible-needs": [RYAN_OUT, RYAN_FRIENDS, RYAN_WASH],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "8400", "period": "year"},
        "personal-budget.enough": "yes",
        "personal-budget.agreed": "no",
        "personal-budget.pay-part": "yes",
        "personal-budget.costs-help": ["benefits"],
        "personal-budget.managed": "direct-payment",
        "personal-budget.dp-holder": "authorised",
        "personal-budget.money-person": {"name": "Lisa", "relation": "mum"},
        "personal-budget.money-help": ["A payroll service", "The council's direct payment team"],
        # The budget less the £12 a month Ryan pays in himself.
        "personal-budget.dp-amount": {"amount": "688", "period": "month"},
        "personal-budget.dp-first": "2026-11-20",
        "personal-budget.family-relation": "no-one",
        "personal-budget.employ-pa": "yes",
        "personal-budget.employer-basics": ["contract", "payroll", "insurance", "records"],
        "health-budget.route": ["none"],
        "circle.people": [
            person("Lisa", "mum", "closest", "Lives with Ryan, and helps him plan"),
            person("Dan", "cousin", "closest", "Football on Sundays"),
            person("College friends", "college", "groups", "Lunch and the music room"),
            person("Kim", "short breaks worker", "paid", "Saturdays, until he turns 18"),
        ],
        "circle.knows-best": {"name": "Lisa", "relation": "mum"},
        "circle.would-call": {"name": "Lisa", "relation": "mum"},
        "circle.unpaid-carer": "yes",
        "circle.planning": ["Lisa", "Dan"],
        "circle.not-involved": "No one",
        "circle.more-people": "yes",
        "advocacy.hard": ["weigh"],
        "advocacy.someone": "yes",
        "advocacy.someone-who": {"name": "Lisa", "relation": "mum"},
        "advocacy.other": ["none"],
        "advocacy.want": "no",
        "brokerage.hardest": ["Finding a PA who likes football"],
        "brokerage.want": "no",
        "dreams.love": Own(["Football", "Music", "Buses"]),
        "dreams.important": Own(["Mum", "My phone", "College"]),
        "dreams.admire": ["He is funny", "He knows every bus route in town"],
        "dreams.never": ["Being shouted at", "Loud places with no way out"],
        "dreams.keep-well": ["Headphones for noisy places", "Tea at six"],
        "options.ideas": Own(["A PA near my age who likes football"]),
        "options.kinds": ["pa", "groups"],
        "connections.places": ["The leisure centre", "The bus station café"],
        "connections.with-others": ["Play for the Sunday league team"],
        "connections.first-step": ["Go to a training night with Dan"],
        "connections.helper": {"name": "Dan", "relation": "cousin"},
        "planning.support": [
            "College three days a week, under his EHC plan",
            "Tuesday evenings: the gym with his PA",
            "Saturdays: football, then the bus into town with his PA"],
        "planning.how-to-support": Own(["Tell me what is happening next",
                                        "Give me time to answer",
                                        "Let me wear my headphones"]),
        "planning.outcomes": [RYAN_BUS, RYAN_TEAM],
        "planning.costs": RYAN_COSTS,
        "planning.pa-costs": ["holiday", "national-insurance", "insurance", "payroll",
                              "cover"],
        "planning.contribution": {"amount": "12", "period": "month"},
        "planning.organise": "Lisa runs the money; Ryan chooses what he does each week",
        "planning.in-control": Own(["I choose my PA, with Mum", "I choose what we do"]),
        "planning.prevention": ["groups", "health"],
        "planning.risks": ["Getting lost on the bus",
                           "Someone could take his phone or his money",
                           "He chooses to go into town with friends, without his PA"],
        "planning.backup": "If the PA is off, Dan takes him to football. Lisa is on "
                           "07700 900321",
        "planning.carer-meets": ["Cooks, and does his washing",
                                 "Helps him get ready in the mornings"],
        "planning.carer-backup": "His aunt Jo would stay, and we would ask the council for a "
                                 "review",
        "planning.their-carer-wishes": "Lisa wants to go back to work three days a week",
        "happen.working-well": Own(["I take the bus to town on my own",
                                    "I play for a team"]),
        "happen.first-steps": [
            step("Transition assessment with the council's preparing for adulthood team",
                 "Lisa and Ryan", "2026-06-15", "done"),
            step("Ask the GP for Ryan's annual health check", "Lisa", "2026-09-30", "to-do"),
            step("Apply for a disabled person's bus pass", "Ryan and Lisa", "2026-10-15",
                 "doing"),
            step("Ask the council for the direct payment, as Ryan's authorised person",
                 "Lisa", "2026-10-30", "to-do"),
            step("Find a PA, with Ryan on the interview panel", "Lisa and Ryan", "2026-11-06",
                 "to-do"),
            step("Ask for a carer's assessment for Lisa", "Lisa", "2026-11-27", "to-do"),
        ],
        "happen.agreed-yet": "not-yet",
        "happen.start": "2026-11-20",
        "happen.details": {},
        "happen.person-agrees": "yes",
        "happen.easy-read": "no",
    })


def ryan_money() -> list[Typed]:
    """A year of Ryan's direct payment, from its first payment on 20 November 2026, as Lisa
    keeps it: the council's £688 and his own £12 each month (the £12 missed in March), his
    PA's pay each month, HMRC each quarter, the insurance, the payroll service, an agency's
    cover, some holiday pay, and headphones the plan does not cost."""
    typed = []
    for month in range(12):
        year, number = 2026 + (month + 10) // 12, (month + 10) % 12 + 1
        on = f"{{}}/{number:02d}/{year}"
        typed.append(Typed("council", "£688", on.format(20), "The council", "",
                           "Direct payment", "bank-statement", "Bank statements folder"))
        if (year, number) != (2027, 3):
            typed.append(Typed("contribution", "£12", on.format(20), "Ryan", "",
                               "Ryan's own contribution", "bank-statement",
                               "Bank statements folder"))
        typed.append(Typed("pay", "585.00", on.format(28), RYAN_PA_NAME, "",
                           "Pay for the month", "payslip", "Payroll folder"))
        typed.append(Typed("other", "15", on.format(1 if month else 25), "Pay Roll Ltd",
                           "Payroll service", "Running the assistant's payroll", "invoice",
                           "Payroll folder"))
    for day in ("22/01/2027", "22/04/2027", "22/07/2027", "22/10/2027"):
        typed.append(Typed("hmrc", "75.75", day, "HMRC", "",
                           "Employer's National Insurance for the quarter", "bank-statement",
                           "Payroll folder"))
    typed += [
        Typed("insurance", "£120", "21/11/2026", "Safe Hands Insurance",
              "Employer's liability insurance", "Employer's liability insurance for a year",
              "insurance-certificate", "Blue folder"),
        Typed("agency", "£144", "29/08/2027", "Bright Care", "Cover when the assistant is off",
              "8 hours of cover while Jordan was away", "invoice", "Blue folder"),
        Typed("pay", "378.00", "28/08/2027", RYAN_PA_NAME,
              "Holiday pay for the assistant, 5.6 weeks", "Holiday pay, two weeks",
              "payslip", "Payroll folder"),
        Typed("equipment", "£89.99", "14/02/2027", "Sound Shop",
              "", "Noise-cancelling headphones", "receipt", ""),
    ]
    return typed


RYAN_PA_NAME = "Jordan Reid"
RYAN_WEEKS_ALLOWED = 6  # his council's direct-payment agreement


def ryan_with_money(words: Content, store: Store) -> Session:
    """Ryan's plan, and a year of his direct payment kept through the session as Lisa would
    keep it: each line typed as people type money and dates."""
    from journey.core.model import MoneyRule
    from journey.money import kinds
    from journey.money.typed import entry

    session = ryan(words, store)
    money = kinds.default()
    for number, typed in enumerate(ryan_money(), 1):
        session.keep_money(entry(words, money, session.journey, typed, "Lisa",
                                 entry_id=f"ryan{number:04d}"))
    session.keep_money(MoneyRule(name="weeks-allowed", value=RYAN_WEEKS_ALLOWED, by="Lisa"))
    return session



# -- Reviews: each example's plan has been reviewed once -----------------------------------

def reviewed(words: Content, store: Store, session: Session, kind: str,
             answers: dict[str, Any]) -> Session:
    """Review the plan just made through the real review session, answering the questions
    named and passing the others by. Fails if a named question was never asked."""
    from journey.conversation.review import start as begin

    review = begin(words, store, session.journey, kind)
    left = dict(answers)
    while not review.finished:
        question = review.question
        assert question is not None
        if question.id in left:
            value = left.pop(question.id)
            review.answer(value.value, suggested=True) if isinstance(value, Own) else (
                review.answer(value))
        else:
            review.next()
    assert not left, f"never asked: {sorted(left)}"
    assert session.journey.open_review() is None
    return session


def all_right(costs: list[dict[str, Any]], **marks: str) -> dict[str, str]:
    return {c["what"]: marks.get(c["what"], "right") for c in costs}


def mia_reviewed(words: Content, store: Store) -> Session:
    """Mia's first, light check: going well, nothing changed."""
    return reviewed(words, store, mia(words, store), "light", {
        "review.progress": {MIA_REST: "better", MIA_FRIENDS: "same"},
        "review.progress-words": "I get two evenings off most weeks now",
        "review.working": ["The short break was booked in good time",
                           "Jake and Leo like their assistants"],
        "review.not-working": ["The night assistant cancelled twice"],
        "review.support": all_right(MIA_COSTS, **{
            "A night assistant for the twins, from their own personal budgets": "change"}),
        "review.changed": ["nothing"],
        "review.reassessment": "no",
        "review.actions": [step("Ask the agency for a second night assistant", "Mia",
                                "2026-05-15", "to-do")],
    })


GARETH_NEW_BUDGET = {"amount": "4200", "period": "year"}


def gareth_reviewed(words: Content, store: Store) -> Session:
    """Gareth's yearly review: the council raised his budget, so the plan's budget changes."""
    return reviewed(words, store, gareth(words, store), "yearly", {
        "review.progress": {GARETH_FRIENDS: "better", GARETH_SATURDAYS: "met"},
        "review.progress-words": "I play for the club's second team now",
        "review.working": ["The rugby club", "The pub quiz team"],
        "review.not-working": ["The support worker changes too often"],
        "review.helper-working": ["Gareth goes out on his own on Saturdays"],
        "review.helper-not-working": ["Three hours is not enough on match days"],
        "review.others": ["council"],
        "review.council-working": ["The plan is being used as agreed"],
        "review.support": all_right(GARETH_COSTS, **{
            "Support worker to go to the rugby club": "change"}),
        "review.money-spent": {"amount": "3450", "period": "year"},
        "review.money-right": "short",
        "review.change-budget": "yes",
        "personal-budget.amount": GARETH_NEW_BUDGET,
        "review.changed": ["money"],
        "review.changed-words": "The council looked at his needs again and raised the budget",
        "review.reassessment": "done",
        "review.actions": [step("Ask the agency for the same support worker each week",
                                "Jo", "2027-05-01", "to-do")],
    })


def edna_reviewed(words: Content, store: Store) -> Session:
    """Edna's review after a change: Carol, her daughter, cannot care for her now. Carol
    leaves the plan as it is until the council has looked at Edna's needs again (so the
    plan still shows what a council's check finds)."""
    return reviewed(words, store, edna(words, store), "change", {
        "review.progress": {EDNA_HOME: "same", EDNA_SAFE: "better"},
        "review.working": ["The pendant alarm", "The lunch club"],
        "review.not-working": ["No one to cook for her in the evenings"],
        "review.helper-not-working": ["I cannot come every evening now"],
        "review.others": ["council"],
        "review.council-not-working": ["Carol's help was the plan's main support"],
        "review.support": all_right(EDNA_COSTS, **{
            "Carol's help in the evenings": "not-happened"}),
        "review.change-support": "no",
        "review.changed": ["carer", "health"],
        "review.changed-words": "Carol has had an operation and cannot lift or drive",
        "review.carer-able": "no",
        "review.reassessment": "asked",
        "review.actions": [
            step("Ask the council for a new look at Edna's needs", "Carol", "2026-12-14",
                 "to-do"),
            step("Ask the agency for a teatime visit", "Carol", "2026-12-10", "doing"),
        ],
    })


def ryan_reviewed(words: Content, store: Store) -> Session:
    """Ryan asked for a review: he wants more time at football."""
    return reviewed(words, store, ryan_with_money(words, store), "asked", {
        "review.progress": {RYAN_BUS: "met", RYAN_TEAM: "better"},
        "review.progress-words": Own("I take the bus on my own now"),
        "review.working": ["The bus", "My team"],
        "review.not-working": ["Not enough hours with my assistant at weekends"],
        "review.others": ["carer"],
        "review.carer-working": ["Ryan is more confident"],
        "review.changed": ["nothing"],
        "review.reassessment": "no",
        "review.actions": [step("Ask about more hours at weekends", "Lisa and Ryan",
                                "2027-01-31", "to-do")],
    })


EXAMPLES = {"mia": mia_reviewed, "gareth": gareth_reviewed, "edna": edna_reviewed,
            "ryan": ryan_reviewed}

"""Priya: the fullest example journey, for measuring the plan as a document. She plans with
her advocate Jo, prepares for her assessment outcome by outcome, holds a direct payment and a
health budget, employs personal assistants, and shares a note and an agreed next step."""

from __future__ import annotations

from journey.content import Journey as Content
from journey.session import Session
from journey.store import Store

from .examples import item, person, walk

OUTCOMES = ["nutrition", "hygiene", "toilet", "clothes", "home-safely", "home-habitable",
            "relationships", "work", "community", "child"]
BAD_DAYS = {
    "nutrition": "I skip meals when I am too tired to stand and cook",
    "hygiene": "I cannot get in or out of the shower without help",
    "clothes": "Buttons and socks are too hard when my hands are numb",
    "home-safely": "My legs give way; I fell twice in March",
    "home-habitable": "The hoovering and the bins wait for my brother",
    "relationships": "I cancel plans with friends because I am worn out",
    "work": "I had to stop working at the library",
    "community": "I cannot take the bus on my own",
}
HARD = {"nutrition": "sometimes", "hygiene": "yes", "toilet": "no", "clothes": "yes",
        "home-safely": "yes", "home-habitable": "sometimes", "relationships": "sometimes",
        "work": "yes", "community": "yes", "child": "no"}

PRIYA_COSTS = [
    item("Personal assistant, mornings", "pa", 7, "week", "1.5", "15.20", "hour",
         "personal-budget", "Getting washed and dressed without rushing"),
    item("Personal assistant, evenings", "pa", 5, "week", "2", "15.20", "hour",
         "personal-budget", "Cooking tea together and getting ready for bed"),
    item("Personal assistant to go out", "pa", 2, "week", "4", "15.20", "hour",
         "personal-budget", "Going to the library and the choir"),
    item("Cleaner", "agency", 1, "week", "2", "18.50", "hour", "personal-budget",
         "A clean, safe home"),
    item("Employer's liability insurance", "other", 1, "year", "", "145", "time",
         "personal-budget", "Needed to employ assistants"),
    item("Payroll service", "other", 1, "month", "", "18", "time", "personal-budget",
         "Pays the assistants, with tax taken off"),
    item("Physiotherapy at home", "other", 1, "week", "1", "45", "hour", "health-budget",
         "Keeping my legs strong"),
    item("Choir subscription", "community", 1, "month", "", "12", "time", "own-money",
         "Singing with friends"),
    item("Lifts to choir from Anil", "family", 1, "week", "", "0", "time", "free",
         "Getting there and back"),
]


def priya(words: Content, store: Store) -> Session:
    answers = {
        "welcome.name": "Priya",
        "welcome.mode": "with",
        "welcome.helper-name": "Jo",
        "welcome.helper-role": "advocate",
        "welcome.pronouns": "she",
        "rights.hopes": "To live in my own flat with the right help, and to get back to work",
        "rights.why-now": "My MS has got worse this year and my sister cannot do everything",
        "rights.worries": "That I will be moved into a care home",
        "rights.who": "person",
        "rights.knew": "no",
        "rights.in-touch": "yes",
        "assessment.hard": ["Getting washed and dressed", "Cooking", "Going out alone",
                            "Tiredness in the afternoons"],
        "assessment.good-bad-days": ("On a good day I can walk to the shop. On a bad day I "
                                     "cannot get out of bed without help."),
        "assessment.impact": "I stopped working and I see my friends much less.",
        "assessment.status": "booked",
        "assessment.date": "2026-05-11",
        "assessment.prepare": "adult",
        "assessment.tell": ["My fatigue is worst after 2pm", "I fell twice in March"],
        "personal-budget.spend-on": ["Help in the mornings and evenings", "Getting out"],
        "personal-budget.worries": "Managing the paperwork of being an employer",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "520.00", "period": "week"},
        "personal-budget.how-worked-out": "no",
        "personal-budget.enough": "yes",
        "personal-budget.agreed": "no",
        "personal-budget.pay-part": "yes",
        "personal-budget.costs-help": ["benefits", "home"],
        "personal-budget.managed": "direct-payment",
        "personal-budget.money-person": {"name": "Priya", "relation": "me"},
        "personal-budget.money-help": ["Anil checks the bank statements", "A payroll service"],
        "personal-budget.dp-amount": {"amount": "2080.00", "period": "four-weeks"},
        "personal-budget.dp-first": "2026-07-06",
        "personal-budget.pay-known": "yes",
        "personal-budget.family-relation": "sibling",
        "personal-budget.family-household": "no",
        "personal-budget.employ-pa": "yes",
        "personal-budget.employer-basics": ["contract", "payroll", "insurance"],
        "health-budget.route": ["chc"],
        "health-budget.use": ["Physiotherapy at home"],
        "health-budget.has": "yes",
        "health-budget.amount": {"amount": "45", "period": "week"},
        "health-budget.held": "notional",
        "health-budget.contact": {"name": "Dr Okafor", "relation": "NHS nurse assessor"},
        "circle.people": [
            person("Anil", "brother", "closest", "Lifts to choir, checks the bank statements"),
            person("Meera", "sister", "closest", "Phones every evening"),
            person("Mum", "mother", "closest", "Sunday lunch"),
            person("Beth", "friend", "friends", "Coffee on Fridays"),
            person("Mr Hughes", "neighbour", "friends", "Has a spare key"),
            person("St Mark's choir", "choir", "groups", "Singing on Tuesdays"),
            person("MS Society group", "group", "groups", "Advice and company"),
            person("Dr Okafor", "nurse", "paid", "Health budget"),
            person("Jo", "advocate", "paid", "Helps me speak up"),
        ],
        "circle.knows-best": {"name": "Meera", "relation": "sister"},
        "circle.would-call": {"name": "Anil", "relation": "brother"},
        "circle.unpaid-carer": "yes",
        "circle.carer-assessment": "yes",
        "circle.planning": ["Meera", "Jo"],
        "circle.not-involved": "My ex-partner",
        "circle.more-people": "yes",
        "advocacy.not-heard": "At meetings with lots of people",
        "advocacy.understand": "no",
        "advocacy.remember": "sometimes",
        "advocacy.weigh": "no",
        "advocacy.say": "sometimes",
        "advocacy.someone": "yes",
        "advocacy.someone-who": {"name": "Meera", "relation": "sister"},
        "advocacy.agree": "yes",
        "advocacy.big-move": "no",
        "advocacy.disagree": "no",
        "advocacy.other": ["none"],
        "advocacy.want": "yes",
        "brokerage.hardest": ["Finding assistants", "Working out the costs"],
        "brokerage.want": "want",
        "brokerage.role": ["Help find assistants", "Check the costs"],
        "brokerage.pay": "yes",
        "dreams.good-day": "Coffee in bed, choir practice, and tea with Meera",
        "dreams.bad-day": "Stuck in bed all day with nobody to talk to",
        "dreams.love": ["Singing", "Cooking Gujarati food", "Crosswords"],
        "dreams.important": ["Living in my own flat", "Seeing my family every week"],
        "dreams.admire": ["I am funny", "I remember everyone's birthday"],
        "dreams.hopes": ["Work part time again", "Sing at the Christmas concert"],
        "dreams.never": ["Being moved into a care home", "Strangers helping me wash"],
        "dreams.keep-well": ["A rest after lunch", "My tablets at 8am and 8pm"],
        "options.ideas": ["Assistants who know MS", "A perching stool in the kitchen"],
        "options.tried": "A home care agency, but the times changed every day",
        "options.free-help": ["MS Society group", "Library home service"],
        "options.tech": ["Perching stool", "Smart speaker to call Meera"],
        "options.kinds": ["pa", "equipment", "groups"],
        "connections.places": ["The library", "St Mark's church hall"],
        "connections.places-to-try": ["The community garden"],
        "connections.with-others": ["Choir", "A cooking club"],
        "connections.introducers": ["Beth"],
        "connections.first-step": ["Ask Beth to come to the garden with me"],
        "connections.helper": {"name": "Beth", "relation": "friend"},
        "planning.support": ["An assistant every morning and five evenings",
                             "Out twice a week with an assistant", "A cleaner once a week"],
        "planning.how-to-support": ["Let me do what I can myself", "Ask before you help"],
        "planning.costs": PRIYA_COSTS,
        "planning.organise": "Me, with help from Anil and a payroll service",
        "planning.in-control": ["I choose my assistants", "I set the times"],
        "planning.decisions": "Meera helps me think things through",
        "planning.backup": "Meera comes round, or the assistants swap shifts",
        "planning.carer-backup": "Anil can stay for a few days",
        "planning.their-carer-wishes": "Meera wants to keep helping, but not every day",
        "happen.working-well": ["I go to choir every week", "No more falls at home"],
        "happen.first-steps": [
            {"what": "Advertise for two personal assistants", "who": "Priya and Jo",
             "by": "2026-06-15", "status": "doing"},
            {"what": "Set up the direct payment bank account", "who": "Anil",
             "by": "2026-06-30", "status": "to-do"},
            {"what": "Ask the council for a carer's assessment for Meera", "who": "Jo",
             "by": "2026-06-01", "status": "done"},
            {"what": "Order the perching stool", "who": "Priya", "by": "", "status": "to-do"},
        ],
        "happen.who": {"name": "Jo", "relation": "advocate"},
        "happen.check-in": "Meera, every Sunday",
        "happen.agreed": "2026-06-20",
        "happen.start": "2026-07-06",
        "happen.review": "2026-09-01",
        "happen.if-change": "Ring Jo, or the council's duty team",
    }
    for outcome in OUTCOMES:
        hard = HARD[outcome]
        answers[f"assessment.adult.{outcome}.hard"] = hard
        if hard != "no":
            how = ["help", "longer"] if hard == "sometimes" else ["help", "risk", "longer"]
            answers[f"assessment.adult.{outcome}.how"] = how
            answers[f"assessment.adult.{outcome}.bad-day"] = BAD_DAYS[outcome]
    session = walk(words, store, answers)
    note = session.note("Priya would like assistants who are women")
    session.share_note(note.id, True)
    step = session.note("Jo will send the plan to the council by 22 June", next_step=True)
    session.share_note(step.id, True)
    session.note("Private: check the flat's bathroom for a grab rail")
    return session

"""Priya: the fullest example journey, for measuring the plan as a document. She plans with
her advocate Jo, prepares for her assessment outcome by outcome, holds a direct payment and a
health budget, employs personal assistants, names what each piece of support meets, and
shares a note and an agreed next step. She answers every question that applies (100%)."""

from __future__ import annotations

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.store.database import Store

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

# Her needs: what she said is hard, then the areas she said are hard when getting ready for
# the assessment (by their titles in the content); then the outcomes she wants.
WASH, COOK, OUT, TIRED = ("Getting washed and dressed", "Cooking", "Going out alone",
                          "Tiredness in the afternoons")
EATING, CLEAN, DRESSED, MOVING, HOME, FAMILY, WORK, LOCAL = (
    "Eating and drinking", "Getting washed and keeping clean", "Getting dressed",
    "Moving around the home safely", "Keeping the home fit to live in", "Family and friends",
    "Work, study, volunteering", "Going to local places")
FLAT, WORK_AGAIN, CONCERT = ("Live in my own flat with the right help", "Work part time again",
                             "Sing at the Christmas concert")

PRIYA_COSTS = [
    item("Personal assistant, mornings", "pa", 7, "week", "1.5", "15.20", "hour",
         "personal-budget", "Getting washed and dressed without rushing",
         [WASH, CLEAN, DRESSED, MOVING, FLAT]),
    item("Personal assistant, evenings", "pa", 5, "week", "2", "15.20", "hour",
         "personal-budget", "Cooking tea together and getting ready for bed",
         [COOK, EATING, TIRED, FLAT]),
    item("Personal assistant to go out", "pa", 2, "week", "4", "15.20", "hour",
         "personal-budget", "Going to the library and the choir", [OUT, LOCAL, FAMILY]),
    item("Cleaner", "agency", 1, "week", "2", "18.50", "hour", "personal-budget",
         "A clean, safe home", [HOME, FLAT]),
    item("Employer's liability insurance", "other", 1, "year", "", "145", "time",
         "personal-budget", "Needed to employ assistants"),
    item("Payroll service", "other", 1, "month", "", "18", "time", "personal-budget",
         "Pays the assistants, with tax taken off"),
    item("Physiotherapy at home", "other", 1, "week", "1", "45", "hour", "health-budget",
         "Keeping my legs strong", [MOVING, TIRED]),
    item("Choir subscription", "community", 1, "month", "", "12", "time", "own-money",
         "Singing with friends", [FAMILY, CONCERT]),
    item("Lifts to choir from Anil", "family", 1, "week", "", "0", "time", "free",
         "Getting there and back", [OUT, CONCERT]),
    item("Job coach from the MS Society", "community", 2, "month", "", "0", "time", "free",
         "Finding part-time work I can manage", [WORK, WORK_AGAIN]),
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
        "rights.who": "person",
        "rights.age": "adult",
        "rights.decide": "yes",
        "rights.decide-home": "yes",
        "rights.decide-money": "yes",
        "rights.paid-helper": "no",
        "assessment.hard": [WASH, COOK, OUT, TIRED],
        "assessment.good-bad-days": ("On a good day I can walk to the shop. On a bad day I "
                                     "cannot get out of bed without help."),
        "assessment.impact": "I stopped working and I see my friends much less.",
        "assessment.working": ["Anil's lifts to choir", "Meera's phone calls"],
        "assessment.status": "booked",
        "assessment.date": "2026-05-11",
        "assessment.prepare": "adult",
        "assessment.tell": ["My fatigue is worst after 2pm", "I fell twice in March"],
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "520.00", "period": "week"},
        "personal-budget.enough": "yes",
        "personal-budget.agreed": "yes",
        "personal-budget.pay-part": "yes",
        "personal-budget.costs-help": ["benefits", "home"],
        "personal-budget.managed": "direct-payment",
        "personal-budget.dp-holder": "self-help",
        "personal-budget.money-help": ["Anil checks the bank statements", "A payroll service"],
        "personal-budget.dp-amount": {"amount": "2080.00", "period": "four-weeks"},
        "personal-budget.dp-first": "2026-07-06",
        "personal-budget.family-relation": "sibling",
        "personal-budget.family-who": {"name": "Meera", "relation": "sister"},
        "personal-budget.family-household": "no",
        "personal-budget.family-with-holder": "no",
        "personal-budget.employ-pa": "yes",
        "personal-budget.employer-basics": ["contract", "payroll", "insurance", "records"],
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
        "circle.planning": ["Meera", "Jo"],
        "circle.not-involved": "My ex-partner",
        "circle.more-people": "yes",
        "advocacy.hard": ["remember", "say"],
        "advocacy.someone": "yes",
        "advocacy.someone-who": {"name": "Meera", "relation": "sister"},
        "advocacy.other": ["none"],
        "advocacy.want": "yes",
        "brokerage.hardest": ["Finding assistants", "Working out the costs"],
        "brokerage.want": "want",
        "brokerage.pay": "yes",
        "dreams.love": ["Singing", "Cooking Gujarati food", "Crosswords"],
        "dreams.important": ["Living in my own flat", "Seeing my family every week"],
        "dreams.admire": ["I am funny", "I remember everyone's birthday"],
        "dreams.never": ["Being moved into a care home", "Strangers helping me wash"],
        "dreams.keep-well": ["A rest after lunch", "My tablets at 8am and 8pm"],
        "options.ideas": ["Assistants who know MS", "A perching stool in the kitchen"],
        "options.tech": ["Perching stool", "Smart speaker to call Meera"],
        "options.kinds": ["pa", "equipment", "groups"],
        "connections.places": ["The library", "St Mark's church hall"],
        "connections.with-others": ["Choir", "A cooking club"],
        "connections.first-step": ["Ask Beth to come to the garden with me"],
        "connections.helper": {"name": "Beth", "relation": "friend"},
        "planning.support": ["An assistant every morning and five evenings",
                             "Out twice a week with an assistant", "A cleaner once a week"],
        "planning.how-to-support": ["Let me do what I can myself", "Ask before you help"],
        "planning.outcomes": [FLAT, WORK_AGAIN, CONCERT],
        "planning.costs": PRIYA_COSTS,
        "planning.contribution": {"amount": "38.00", "period": "week"},
        "planning.pa-costs": ["holiday", "national-insurance", "pension", "insurance",
                              "payroll", "cover"],
        "planning.organise": "Me, with help from Anil and a payroll service",
        "planning.in-control": ["I choose my assistants", "I set the times"],
        "planning.prevention": ["equipment", "falls", "groups", "health"],
        "planning.risks": ["I might fall when my legs give way",
                           "I forget my tablets when I am tired",
                           "I choose to go to choir on my own when I feel well"],
        "planning.backup": "Meera comes round, or the assistants swap shifts",
        "planning.carer-meets": ["Meera phones every evening and helps with big decisions",
                                 "Anil gives lifts and checks the bank statements"],
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
        "happen.agreed-yet": "yes",
        "happen.agreed": "2026-06-20",
        "happen.start": "2026-07-06",
        "happen.details": {"name": "Priya Sharma", "born": "1979-11-14",
                           "council": "Leeds City Council", "reference": "AS-204117",
                           "nhs": "943 476 5919", "main": "Anil (brother), 07700 900123",
                           "carer": "Meera (sister)"},
        "happen.person-agrees": "yes",
        "happen.signed-by": "Sam Lee, social worker",
        "happen.easy-read": "no",
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

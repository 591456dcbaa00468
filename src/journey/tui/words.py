"""Journey's own wording on screen, with glossary words underlined. Names and pronouns come in
as plain pieces (journey.content.glossary), so nothing typed is marked or read as markup."""

from __future__ import annotations

from textual.content import Content

from journey.content import Question, Step, Term
from journey.content.glossary import Piece, fill_marked, mark, terms_in
from journey.conversation.session import Session

TERM_STYLE = "underline"


def styled(pieces: list[Piece], style: str = "") -> list[tuple[str, str]]:
    return [(text, f"{style} {TERM_STYLE}".strip() if term else style) for text, term in pieces]


def question_content(session: Session, step: Step, question: Question,
                     with_intro: bool) -> tuple[Content, list[Term]]:
    """The question as shown (after the step's introduction when it opens the step), and
    the glossary words in it."""
    words, values, about = session.content, session.placeholders, session.about
    asked = fill_marked(question.template(about), words, values)
    intro = fill_marked(step.intro_template(about), words, values) if with_intro else []
    parts = styled(intro, "italic") + ([("\n\n", "")] if intro else []) + styled(asked, "bold")
    return Content.assemble(*parts), terms_in(intro + asked)


def intro_content(session: Session, step: Step) -> tuple[Content, list[Term]]:
    """The step's introduction, and the glossary words in it."""
    intro = fill_marked(step.intro_template(session.about), session.content,
                        session.placeholders)
    return Content.assemble(*styled(intro, "italic")), terms_in(intro)


def plain_content(text: str, session: Session, prefix: str = "") -> tuple[Content, list[Term]]:
    """Other content wording (why we ask, examples), with its glossary words marked."""
    pieces = fill_marked(text, session.content, session.placeholders)
    return Content.assemble(prefix, *styled(pieces)), terms_in(pieces)


def choice_terms(session: Session, question: Question) -> list[Term]:
    """Glossary words in the choices: the list shows them plainly, the word list explains."""
    found: list[Term] = []
    for choice in session.choices(question):
        label = choice.label_template(session.about)
        found += [t for t in terms_in(mark(label, session.content)) if t not in found]
    return found


def unique(terms: list[Term]) -> list[Term]:
    """Each term once, in order."""
    seen: dict[str, Term] = {}
    for term in terms:
        seen.setdefault(term.term, term)
    return list(seen.values())


"""How easy journey's own words are to read: every person-facing text in content, split into
sentences and scored with the Flesch-Kincaid grade.

Used by scripts/readability and the tests. textstat (a test dependency) is imported only
when scoring, so loading content never needs it.
"""

from __future__ import annotations

import re
import statistics
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from journey.content import PLACEHOLDER, Journey, Question, content_dir, paragraphs

# Targets (../shared/domain/care-act-facts.md, "Plain language"): reading age about 9 for
# most text, 11 at most; sentences up to 20 words.
MEDIAN_GRADE = 4.0
P95_GRADE = 6.0
MAX_WORDS = 20

MAX_QUESTION_WORDS = 15  # Easy Read: a question is one short sentence

# Text is graded as people read it, glossary words and all. Only the proper names of Acts,
# regulations and bodies are excused: they must be given in full, and no plainer word will do.
LEGAL_NAMES = (
    "Care and Support (Eligibility Criteria) Regulations 2015",
    "Care and Support (Direct Payments) Regulations 2014",
    "Care and Support (Independent Advocacy Support) (No. 2) Regulations 2014",
    "Eligibility Criteria Regulations",
    "Direct Payments Regulations",
    "Health and Social Care Act 2012",
    "Mental Capacity Act",
    "Mental Health Act",
    "Children Act",
    "Care Act 2014",
    "Care Act",
    "Local Government and Social Care Ombudsman",
    "Court of Protection",
    "Education, Health and Care plan",
    "Citizens Advice",
)
STAND_IN = "it"  # one short word in place of an excused name
# The grade formula means nothing for a fragment of a word or two ("Gardening" scores 20),
# so headings and examples shorter than this are counted but not graded.
MIN_GRADED_WORDS = 4
# Some texts are lists, not sentences: column headings or the ways of saying one word, with
# "|" between them and no space around it ("ID|Name|Deleted"). Each item is counted like a
# heading and not graded: run together, they would score as one long sentence.
LIST_SEPARATOR = "|"
MAX_LIST_ITEM_WORDS = 6
SAMPLE = {"name": "Sam", "their": "Sam's", "them": "Sam"}


@dataclass(frozen=True)
class Sentence:
    where: str
    text: str
    question: bool = False
    item: bool = False  # one item of a list ("a|b|c"): counted, never graded

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Report:
    sentences: list[tuple[Sentence, float]]
    fragments: list[Sentence]

    @property
    def grades(self) -> list[float]:
        return sorted(g for _, g in self.sentences)

    @property
    def median(self) -> float:
        return statistics.median(self.grades)

    @property
    def p95(self) -> float:
        """95th percentile, nearest rank."""
        grades = self.grades
        rank = max(1, -(-95 * len(grades) // 100))
        return grades[rank - 1]

    @property
    def long(self) -> list[Sentence]:
        return [s for s, _ in self.sentences if s.words > MAX_WORDS]

    @property
    def questions(self) -> int:
        return sum(s.question for s in [*(s for s, _ in self.sentences), *self.fragments])

    @property
    def long_questions(self) -> list[Sentence]:
        """Questions over MAX_QUESTION_WORDS, however short they are otherwise."""
        every = [*(s for s, _ in self.sentences), *self.fragments]
        return [s for s in every if s.question and s.words > MAX_QUESTION_WORDS]

    def hardest(self, n: int = 10) -> list[tuple[Sentence, float]]:
        return sorted(self.sentences, key=lambda sg: sg[1], reverse=True)[:n]

    @property
    def ok(self) -> bool:
        return (self.median <= MEDIAN_GRADE and self.p95 <= P95_GRADE and not self.long
                and not self.long_questions)


def _sample(text: str) -> str:
    """Wording as a person sees it: placeholders filled with a sample name or number."""
    return PLACEHOLDER.sub(lambda m: SAMPLE.get(m.group(1), "3"), text)


def sentences_of(text: str) -> list[str]:
    """Split on line breaks and on sentence ends. Each list item or example is its own."""
    parts: list[str] = []
    for line in _sample(text).splitlines():
        for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(£])", line.strip()):
            if re.search(r"[A-Za-z]", piece):
                parts.append(piece.strip())
    return parts


def list_items(text: str) -> list[str] | None:
    """The items of a "|" list, or None when text is not one. A list has two items or more,
    each short, with nothing but "|" between them, and no item ends a sentence: a sentence
    that happens to hold a "|" is still a sentence and is graded."""
    if LIST_SEPARATOR not in text:
        return None
    items = text.split(LIST_SEPARATOR)
    for item in items:
        if not item or item != item.strip() or len(item.split()) > MAX_LIST_ITEM_WORDS:
            return None
        if re.search(r"[A-Za-z]", item) and item[-1] in ".!?:;,":
            return None
    return items


def texts(content: Journey) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_a_question) for every person-facing text in content."""
    for key, value in content.messages.items():
        if key != "app_title":
            yield f"message {key}", value, False
    for section in content.plan_sections:
        yield f"plan section {section.id}", section.title, False
        yield f"plan section {section.id}", section.hint, False
    for term in content.glossary:
        yield f"glossary {term.term}", term.meaning, False
    for cost in content.employer_costs:
        yield f"employer's cost {cost.id}", cost.says, False
    for check in content.revision_checks:
        yield f"revision check {check.id}", check.says, False
    review = [content.review] if content.review is not None else []
    for kind in (k for r in review for k in r.kinds):
        yield f"review kind {kind.value}", kind.label, False
        if kind.label_about:
            yield f"review kind {kind.value}", kind.label_about, False
    for step in [*content.all_steps, *review]:
        where = f"step {step.id}"
        yield where, step.title, False
        for text in (step.intro, step.intro_about, step.more, *step.facilitator):
            if text:
                yield where, text, False
        for repeat in step.repeats:
            yield f"{where} {repeat.id}", repeat.title, False
            for outcome in repeat.outcomes:
                yield f"{repeat.id}.{outcome.id}", outcome.label, False
        for result in step.results:
            yield f"result {result.id}", result.title, False
            for rule in result.rules:
                for text in (rule.say, rule.say_about):
                    if text:
                        yield f"result {result.id}", text, False
        for q in step.questions:
            yield from _question_texts(q)


# The direct-payment record's words live in a file of their own, loaded and checked by
# journey.money (which content may not import); they are read here as they stand, so that
# every sentence a person reads is graded.
MONEY_FILE = "money.toml"


def money_texts(root: Path | None = None) -> Iterator[tuple[str, str, bool]]:
    """(where, text, False) for the money record's messages and the labels of its kinds of
    money and of proof. Nothing when the file is not there or cannot be read: journey.money
    names any fault in it when it loads."""
    path = (root or content_dir()) / MONEY_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return
    messages = data.get("messages")
    for key, value in (messages.items() if isinstance(messages, dict) else ()):
        if isinstance(value, str):
            yield f"money message {key}", value, False
    for table in ("kinds", "evidence"):
        rows = data.get(table)
        for row in (rows if isinstance(rows, list) else ()):
            if isinstance(row, dict) and isinstance(row.get("label"), str):
                yield f"money {table} {row.get('id')}", row["label"], False


def _question_texts(q: Question) -> Iterator[tuple[str, str, bool]]:
    where = f"question {q.id}"
    yield where, q.ask, True
    if q.ask_about:
        yield where, q.ask_about, True
    yield where, q.label, False
    yield where, q.why, False
    if q.why_about:
        yield where, q.why_about, False
    for example in q.examples:
        yield where, example, False
    for choice in q.choices:
        yield where, choice.label, False
        if choice.label_about:
            yield where, choice.label_about, False


def collect(content: Journey, root: Path | None = None) -> list[Sentence]:
    seen: set[tuple[str, bool]] = set()
    found = []
    for where, text, question in [*texts(content), *money_texts(root)]:
        for para in paragraphs(text) or [text]:
            for sentence in sentences_of(para):
                items = list_items(sentence)
                # Repeated questions say the same thing about each outcome: score each once.
                if items is not None:
                    found.extend(Sentence(where, item, question, item=True) for item in items)
                elif (sentence, question) not in seen:
                    seen.add((sentence, question))
                    found.append(Sentence(where, sentence, question))
    return found


def excused(content: Journey | None = None) -> list[str]:
    """Names taken out before scoring, longest first so the fullest name is taken. Only the
    short list above: glossary words are graded like any other word."""
    return sorted(LEGAL_NAMES, key=len, reverse=True)


def grade(sentence: str, names: list[str]) -> float:
    import textstat

    plain = sentence
    for name in names:
        plain = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", STAND_IN, plain,
                       flags=re.IGNORECASE)
    return float(textstat.flesch_kincaid_grade(plain))


def report(content: Journey, root: Path | None = None) -> Report:
    """Every sentence in content, and in the money record's words beside it under root (the
    content folder unless said)."""
    names = excused(content)
    found = collect(content, root)
    graded = [s for s in found if not s.item and s.words >= MIN_GRADED_WORDS]
    return Report([(s, grade(s.text, names)) for s in graded],
                  [s for s in found if s.item or s.words < MIN_GRADED_WORDS])

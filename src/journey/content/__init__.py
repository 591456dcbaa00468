"""What journey asks and says, loaded from the data files under content/.

Every file is checked when it changes: an unknown key, a missing field, a reference to a
question that does not exist or to a source that is not listed is an error that names the
file and the question. Checked content is kept in the cache, so a start with unchanged
content needs no checking (and no pydantic).

- data, condition: the content itself, as plain frozen data classes
- wording, limits: filling in a name; what a field may hold
- references: every reference between parts is to something that exists
- repeats: one set of questions per outcome
- checking: pydantic's field-by-field check (only for changed content)
- cache, loading: keeping checked content; finding and loading the files
"""

from __future__ import annotations

from journey.content.condition import Condition, When, conditions, holds
from journey.content.data import (
    REVIEW_PREFIX,
    Choice,
    Count,
    EmployerCost,
    Journey,
    Kind,
    Outcome,
    PayFloor,
    PlanEdit,
    PlanSection,
    ProfileSection,
    Question,
    QuestionTemplate,
    Repeat,
    Result,
    ReviewKind,
    ReviewStep,
    Rule,
    Source,
    Step,
    Term,
)
from journey.content.errors import ContentError
from journey.content.loading import content_dir, default, load
from journey.content.repeats import expand
from journey.content.wording import (
    ALLOWED_PLACEHOLDERS,
    MAX_INTRO_PARAGRAPHS,
    PLACEHOLDER,
    REPEAT_PLACEHOLDERS,
    fill,
    paragraphs,
    placeholder_values,
)

__all__ = [
    "ALLOWED_PLACEHOLDERS", "MAX_INTRO_PARAGRAPHS", "PLACEHOLDER", "REPEAT_PLACEHOLDERS",
    "REVIEW_PREFIX",
    "Choice", "Condition", "ContentError", "Count", "EmployerCost", "Journey", "Kind", "Outcome",
    "PayFloor", "PlanEdit",
    "PlanSection", "ProfileSection", "Question", "QuestionTemplate", "Repeat", "Result",
    "ReviewKind", "ReviewStep", "Rule",
    "Source", "Step", "Term", "When", "conditions", "content_dir", "default", "expand", "fill",
    "holds", "load", "paragraphs", "placeholder_values",
]

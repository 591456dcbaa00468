"""Reading aloud in the app: on request (a key), or, as a setting, each question as it
appears with the step's introduction, and what journey says back (an error, "saved", the
step explained). The speech engine runs as its own process (journey.conversation.speech), so
typing never waits for it, and each turn of the conversation stops the reading of the last.

In a browser tab (`journey serve`) the app runs on the server: reading there would speak
from the server's loudspeaker, not the person's, so it is off and says why."""

from __future__ import annotations

from collections.abc import Callable

from journey.content import Journey as Words
from journey.conversation.session import Session
from journey.conversation.speech import USUAL_SPEED, Speaker, question_text, spoken_lines
from journey.store.database import Summary


class Aloud:
    def __init__(self, each: bool = False, speaker: Speaker | None = None,
                 speed: int = USUAL_SPEED) -> None:
        self.each = each  # read each question as it appears, and what journey says back
        self._speaker = speaker
        self.speed = speed  # words a minute
        self.web = False  # in a browser tab: nothing is read on the server
        self.explained = False  # "no speech program" is said once, not at every key
        # What is to be read at the end of this turn: what journey said, then the question.
        self._said: list[str] = []
        self._question = ""
        # Runs a callable once the present turn (a key and all it does) is over: the app's.
        self.later: Callable[[Callable[[], None]], object] | None = None

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = Speaker(speed=self.speed)  # looked for only when first needed
        return self._speaker

    def set_speed(self, speed: int) -> None:
        self.speed = speed
        if self._speaker is not None:
            self._speaker.speed = speed

    def shown(self, session: Session, introduced: bool = False) -> None:
        """A new question is on screen: stop reading the old one; read it if asked to, with
        the step's introduction when it opens the step (`introduced`)."""
        if self._speaker is not None:
            self._speaker.stop()
        if self.each and not self.web and session.question is not None:
            self._question = question_text(session, session.question, introduced)
            self._soon()

    def tell(self, text: str) -> None:
        """Something journey says back (an error, a confirmation): read with the turn's
        question, before it, when each question is read."""
        if self.each and not self.web and text.strip():
            self._said.append(text)
            self._soon()

    def _soon(self) -> None:
        if self.later is None:
            self.flush()
        elif len(self._said) + bool(self._question) == 1:
            self.later(self.flush)

    def flush(self) -> None:
        said, question = self._said, self._question
        self._said, self._question = [], ""
        text = "\n".join(filter(None, [spoken_lines(said), question]))
        if text and self.speaker.available:
            self.speaker.say(text)

    def read(self, session: Session, error: str = "") -> str | None:
        """Read the question now (F8), after the error shown with it. Returns what to tell
        the person when it cannot be read aloud: a message key."""
        if self.web:
            return "speech_in_browser"
        if session.question is None:
            return None
        text = question_text(session, session.question, introduced=True)
        if self.speaker.say("\n".join(filter(None, [spoken_lines([error] if error else []),
                                                     text]))):
            return None
        if self.explained:
            return None
        self.explained = True
        return "speech_none_app"

    def stop(self) -> None:
        self._said, self._question = [], ""
        if self._speaker is not None:
            self._speaker.stop()


def start_text(words: Words, summaries: list[Summary]) -> str:
    """The saved journeys as read aloud, numbered in the order of the list on screen: a new
    journey first, then each by its name, how it is planned, how far it has got."""
    rows = [words.message("start_new")]
    rows += [f"{s.name or words.message('someone')}, {words.message('mode_' + s.mode)}, "
             f"{words.reached(s.step)}, {words.message('percent', percent=s.percent)}"
             for s in summaries]
    return spoken_lines([words.message("start_title"), words.message("start_hint"),
                         *[f"{n}. {row}" for n, row in enumerate(rows, 1)]])

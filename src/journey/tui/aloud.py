"""Reading aloud in the app: on request (a key), or each question as it appears (a setting).
The speech engine runs as its own process (journey.conversation.speech), so typing never
waits for it, and a new question stops the reading of the last one."""

from __future__ import annotations

from journey.conversation.session import Session
from journey.conversation.speech import Speaker, question_text


class Aloud:
    def __init__(self, each: bool = False, speaker: Speaker | None = None) -> None:
        self.each = each  # read each question as it appears
        self._speaker = speaker
        self.explained = False  # "no speech program" is said once, not at every key

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = Speaker()  # looked for only when first needed
        return self._speaker

    def shown(self, session: Session) -> None:
        """A new question is on screen: stop reading the old one; read it if asked to."""
        if self._speaker is not None:
            self._speaker.stop()
        if self.each and session.question is not None and self.speaker.available:
            self.speaker.say(question_text(session, session.question))

    def read(self, session: Session) -> str | None:
        """Read the question now. Returns what to tell the person when it cannot be read
        aloud: a message key, only the first time."""
        if session.question is None:
            return None
        if self.speaker.say(question_text(session, session.question)):
            return None
        if self.explained:
            return None
        self.explained = True
        return "speech_none_app"

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

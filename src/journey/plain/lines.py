"""The plain conversation's lines in and out: every line written is cleaned of terminal
codes first; a line read may be an action word instead of an answer. No Textual."""

from __future__ import annotations

from typing import TextIO

from journey.content import Journey as Words
from journey.content.glossary import fill_marked
from journey.conversation.session import Session, refusal
from journey.conversation.speech import USUAL_SPEED, Speaker, spoken_lines
from journey.core.answers import AnswerError, clean
from journey.core.model import Mode
from journey.plain import wrapping
from journey.plain.terminal import is_terminal
from journey.plan import results

ACTIONS = ("back", "skip", "not_sure", "map", "more", "words", "check", "plan", "save",
           "help", "quit", "change", "repeat", "money", "settings", "versions", "review")
HELPER_ACTIONS = ("suggest", "note", "agree")


class Ended(Exception):
    """Input ended (end of file, Ctrl+C or "quit"): every answer given is already saved."""


class Action(Exception):
    """The person typed one of the action words instead of an answer."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Lines:
    """Reads lines from `inp` and writes plain lines to `out`, for one session."""

    def __init__(self, words: Words, inp: TextIO, out: TextIO,
                 speaker: Speaker | None = None) -> None:
        self.words = words
        self.inp = inp
        self.out = out
        self.err: TextIO = out  # where a reason to stop goes: standard error, from run()
        self.speaker = speaker
        self.session: Session | None = None
        self.suggesting = False  # the helper's next answer is a suggestion
        # Typed lines are shown again when they come from a file or a pipe, which does not
        # show them, so the lines read as a conversation.
        self.echo = not is_terminal(inp)
        self.talking = False  # the journey is open and its questions are being asked
        self.heard: list[str] = []  # said since the last line was read, to read aloud
        self.speed = USUAL_SPEED  # reading aloud, in words a minute, as the settings keep it

    def say(self, text: str = "") -> None:
        """The only way anything reaches the screen: terminal codes are taken out first. On a
        terminal, lines are fitted to its width; anywhere else (a pipe, a braille display's
        program) each is left whole."""
        text = clean(text)
        self.out.write(self.fitted(text) + "\n")
        self.out.flush()
        if self.speaker is not None and text.strip():
            self.heard.append(text)

    def fitted(self, text: str) -> str:
        columns = wrapping.width(self.out)
        return text if columns is None else "\n".join(wrapping.fitted(text, columns))

    def aloud(self, prompt: str = "") -> None:
        """Read aloud everything said since the last line was read, and what the person is
        asked to type: the question, its numbered choices, an error, "saved", the help. A
        new reading stops the one before, as the next line is asked for."""
        heard, self.heard = self.heard, []
        if self.speaker is None:
            return
        if prompt and prompt != self.words.message("plain_prompt"):
            heard.append(prompt)
        if heard:
            self.speaker.say(spoken_lines(heard))

    def message(self, key: str, **values: object) -> None:
        self.say(self.words.message(key, **values))

    def read(self, prompt: str = "", actions: bool = True) -> str:
        """One line as typed, without its line ending. Raises Ended at the end of input and
        Action for an action word (when `actions`)."""
        prompt = clean(prompt or self.words.message("plain_prompt"))
        # Typing starts on the prompt's own line: only the lines before it end.
        self.out.write(self.fitted(prompt) + " ")
        self.out.flush()
        self.aloud(prompt)
        try:
            line = self.inp.readline()
        except KeyboardInterrupt:
            raise Ended from None
        if not line:
            raise Ended
        line = line.rstrip("\r\n")
        self.out.write(clean(line) + "\n" if self.echo else "")
        name = self.action_named(line)
        if name == "quit":
            raise Ended
        if actions and name:
            raise Action(name)
        return line

    def action_named(self, line: str) -> str | None:
        typed = " ".join(line.lower().split())
        if not typed:
            return None
        allowed = [*ACTIONS, *(HELPER_ACTIONS if self.helping else ())]
        for name in allowed:
            if typed in self.words.message("plain_word_" + name).split("|"):
                return name
        return None

    @property
    def helping(self) -> bool:
        return self.session is not None and self.session.journey.mode is not Mode.SELF

    def complain(self, error: AnswerError) -> None:
        if self.session is not None:
            error = refusal(error, self.session.question)
        # Some messages name the app's buttons: here they have words of their own.
        key = "plain_" + error.key
        self.message(key if key in self.words.messages else error.key, **error.values)

    def choose(self, options: list[str], prompt: str, default: int | None = None,
               actions: bool = False) -> int:
        """Numbered options; the person types a number or the words of one. Returns its
        index. An empty line gives the default, when there is one. Action words count only
        when `actions` (while answering a question, not inside another action)."""
        for number, option in enumerate(options, 1):
            self.say(f"{number}. {option}")
        while True:
            line = self.read(prompt, actions)
            if not line.strip() and default is not None:
                return default
            found = pick(line, options)
            if found is not None:
                return found
            self.message("error_choose_number", most=len(options))

    def filled(self, text: str) -> str:
        assert self.session is not None
        return "".join(p for p, _ in fill_marked(text, self.words, self.session.placeholders))

    def helpers_done(self, before: str) -> None:
        """What a helper worked out, once the person has finished its questions."""
        session, words = self.session, self.words
        assert session is not None
        now = session.question
        for result, found in results.just_finished(words, session.journey, before,
                                                   now.id if now else None):
            self.say()
            self.say(found.title)
            for line in found.lines:
                self.say(f"- {line.text}")
            if result.sheet:
                self.message("plain_prep_hint")


def pick(line: str, options: list[str], first: int = 1) -> int | None:
    """The option meant by a number (the options numbered from `first`), or by its words
    (all of them, or the start of just one), ignoring case."""
    typed = " ".join(line.lower().split()).rstrip(".")
    if not typed:
        return None
    if typed.isdigit():
        number = int(typed)
        return number - first if first <= number < first + len(options) else None
    lowered = [" ".join(o.lower().split()).rstrip(".") for o in options]
    if typed in lowered:
        return lowered.index(typed)
    starts = [i for i, o in enumerate(lowered) if o.startswith(typed)]
    return starts[0] if len(starts) == 1 else None


def pick_many(line: str, options: list[str]) -> list[int]:
    """Numbers like "1 3 4" or "1, 3 and 4"; anything else gives none."""
    parts = line.replace(",", " ").lower().split()
    parts = [p for p in parts if p not in ("and", "&")]
    if not parts or not all(p.isdigit() and 1 <= int(p) <= len(options) for p in parts):
        return []
    return sorted({int(p) - 1 for p in parts})

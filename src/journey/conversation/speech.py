"""Reading aloud with the system's own speech engine, as a separate process.

The text is passed as one argument (or, for Windows, in an environment variable), never
through a shell, so nothing in it is ever run. Starting a process does not wait for it, so
reading never holds up typing; a new reading stops the one before. No Textual here."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from journey.content import Question
from journey.content.glossary import fill_marked
from journey.core.answers import clean

if TYPE_CHECKING:
    from journey.conversation.session import Session

# Windows speech reads the text, and its speed, from the environment: neither ever becomes
# part of the command.
_WINDOWS = ("Add-Type -AssemblyName System.Speech; "
            "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
            "$s.Rate = [int]$env:JOURNEY_SAY_RATE; $s.Speak($env:JOURNEY_SAY)")
USUAL_SPEED = 175  # words a minute: espeak-ng's own, and near the speed people talk
# A numbered line as it is written ("2. No") and as it is read ("2, No."): a pause after the
# number, never "2 point".
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+")


def engine() -> list[str] | None:
    """The command that speaks, without its text, or None where there is none."""
    for name in ("espeak-ng", "espeak"):
        found = shutil.which(name)
        if found:
            return [found]
    if sys.platform == "darwin" and (found := shutil.which("say")):
        return [found]
    if sys.platform == "win32":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        if shell:
            return [shell, "-NoProfile", "-NonInteractive", "-Command", _WINDOWS]
    return None


def spoken(text: str) -> str:
    """Text fit to hand to a speech engine: no terminal codes, no line breaks, and never
    starting with a dash, which an engine would take for one of its options."""
    return " ".join(clean(text).split()).lstrip("-\u2013 ")


def spoken_lines(lines: list[str]) -> str:
    """Lines as they are read aloud: each a sentence of its own, so the voice pauses between
    them, and a numbered choice read with its number ("1, Yes. 2, No.")."""
    said = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        line = _NUMBERED.sub(r"\1, ", line)
        said.append(line if line[-1] in ".?!:;" else line + ".")
    return "\n".join(said)


def speed_options(command: list[str], speed: int) -> tuple[list[str], dict[str, str]]:
    """How to ask this engine for `speed` words a minute: options before the text, or, for
    Windows speech, its rate (-10 to 10, 0 being about the usual speed) in the environment."""
    if "-Command" in command:
        rate = max(-10, min(10, round((speed - USUAL_SPEED) / 20)))
        return [], {"JOURNEY_SAY_RATE": str(rate)}
    name = os.path.basename(command[0]).lower()
    if name.startswith("espeak"):
        return ["-s", str(speed)], {}
    if name == "say":
        return ["-r", str(speed)], {}
    return [], {}


class Speaker:
    """Says one thing at a time: a new reading stops the one before."""

    def __init__(self, command: list[str] | None = None, speed: int = USUAL_SPEED) -> None:
        self.command = command if command is not None else engine()
        self.speed = speed  # words a minute
        self.current: subprocess.Popen[bytes] | None = None
        self.stopped: list[subprocess.Popen[bytes]] = []

    @property
    def available(self) -> bool:
        return bool(self.command)

    def say(self, text: str) -> bool:
        """Start reading `text` aloud; True if an engine was started."""
        self.stop()
        words = spoken(text)
        if not self.command or not words:
            return False
        windows = "-Command" in self.command
        options, settings = speed_options(self.command, self.speed)
        argv = self.command if windows else [*self.command, *options, words]
        env = {**os.environ, **settings, "JOURNEY_SAY": words} if windows else None
        try:
            self.current = self.start(argv, env)
        except OSError:
            self.command = None  # the engine went away: say nothing more
            return False
        return True

    def start(self, argv: list[str], env: dict[str, str] | None) -> subprocess.Popen[bytes]:
        """The speech program, started and not waited for: where journey meets the system's
        speech, and the tests listen."""
        return subprocess.Popen(  # an argument list: no shell ever sees the text
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=env, close_fds=True)

    def stop(self) -> None:
        """Stop any reading now, without waiting for it."""
        if self.current is not None and self.current.poll() is None:
            with contextlib.suppress(OSError):
                self.current.terminate()
        if self.current is not None:
            self.stopped.append(self.current)
        self.current = None
        # Collect readings that have ended, so no finished process lingers.
        self.stopped = [p for p in self.stopped if p.poll() is None]


def question_text(session: Session, question: Question, introduced: bool = False) -> str:
    """What is read aloud for a question: the step and its introduction (when the question
    opens the step and `introduced` says so), the question, why it is asked, the examples,
    and the choices with their numbers."""
    words = session.content

    def filled(text: str) -> str:
        return "".join(piece for piece, _ in fill_marked(text, words, session.placeholders))

    parts = []
    step = session.flow.step()
    if introduced and step is not None and session.flow.questions(step.id)[:1] == [question]:
        parts += [session.step_heading(), session.introduction(step)]
    parts += [session.wording(question),
              words.message("why_prefix") + filled(question.why_template(session.about))]
    if question.examples:
        parts.append(words.message("examples_prefix") + filled("; ".join(question.examples)))
    parts += [f"{number}. {session.choice_label(question, c.value)}"
              for number, c in enumerate(session.choices(question), 1)]
    return spoken_lines(parts)

"""Reading aloud with the system's own speech engine, as a separate process.

The text is passed as one argument (or, for Windows, in an environment variable), never
through a shell, so nothing in it is ever run. Starting a process does not wait for it, so
reading never holds up typing; a new reading stops the one before. No Textual here."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from journey.content import Question
from journey.content.glossary import fill_marked
from journey.core.answers import clean

if TYPE_CHECKING:
    from journey.conversation.session import Session

# Windows speech reads the text from the environment: it never becomes part of the command.
_WINDOWS = ("Add-Type -AssemblyName System.Speech; "
            "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($env:JOURNEY_SAY)")


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


class Speaker:
    """Says one thing at a time: a new reading stops the one before."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command if command is not None else engine()
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
        argv = self.command if windows else [*self.command, words]
        env = {**os.environ, "JOURNEY_SAY": words} if windows else None
        try:
            self.current = subprocess.Popen(  # an argument list: no shell ever sees the text
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, env=env, close_fds=True)
        except OSError:
            self.command = None  # the engine went away: say nothing more
            return False
        return True

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


def question_text(session: Session, question: Question) -> str:
    """What is read aloud for a question: the question, why it is asked, the examples and
    the choices."""
    words = session.content

    def filled(text: str) -> str:
        return "".join(piece for piece, _ in fill_marked(text, words, session.placeholders))

    parts = [session.wording(question),
             words.message("why_prefix") + filled(question.why_template(session.about))]
    if question.examples:
        parts.append(words.message("examples_prefix") + filled("; ".join(question.examples)))
    parts += [session.choice_label(question, c.value) for c in session.choices(question)]
    return "\n".join(parts)

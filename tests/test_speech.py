"""Reading aloud: a stand-in speech program on PATH records what it was asked to say and
when; the app and the plain conversation go on while it speaks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.conversation import speech
from journey.store import settings
from journey.store.database import Store
from journey.tui.app import JourneyApp

SIZE = (120, 40)

# Records its arguments, one call a line with the time, then speaks for a while (sleeps), so
# the tests can see it being stopped.
STAND_IN = """#!{python}
import sys, time, json
with open({record!r}, "a") as f:
    f.write(json.dumps({{"at": time.time(), "args": sys.argv[1:]}}) + "\\n")
time.sleep(30)
"""


@pytest.fixture
def stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake espeak-ng first on PATH; returns the file of what it was asked to say."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "said.jsonl"
    script = bin_dir / "espeak-ng"
    script.write_text(STAND_IN.format(python=sys.executable, record=str(record)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return record


def said(record: Path, wait_for: int = 1, timeout: float = 10) -> list[dict]:
    import json

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = record.read_text().splitlines() if record.exists() else []
        if len(lines) >= wait_for:
            return [json.loads(line) for line in lines]
        time.sleep(0.05)
    raise AssertionError(f"the speech program was asked {len(lines)} times, not {wait_for}")


@pytest.fixture
def no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.posix
def test_the_text_is_one_argument_cleaned_and_never_an_option(stand_in: Path) -> None:
    speaker = speech.Speaker()
    assert speaker.command and speaker.command[0].endswith("espeak-ng")
    assert speaker.say("--help me\x1b[2J please;\n$(rm -rf ~)")
    [call] = said(stand_in)
    # The speed comes first, as the engine's own option; the text is one argument after it.
    assert call["args"] == ["-s", "175", "help me please; $(rm -rf ~)"]
    first = speaker.current
    assert first is not None
    # A new reading stops the one before, without waiting for it to end.
    started = time.monotonic()
    speaker.say("The next question")
    assert time.monotonic() - started < 1
    assert first.wait(5) == -signal.SIGTERM
    assert said(stand_in, 2)[1]["args"][-1] == "The next question"
    speaker.stop()


@pytest.mark.posix
def test_windows_speech_gets_the_text_from_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(speech.sys, "platform", "win32")
    fake = tmp_path / "powershell.exe"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PATHEXT", ".exe")
    command = speech.engine()
    assert command is not None and command[0] == str(fake)
    assert "$env:JOURNEY_SAY" in command[-1]  # the text itself is never part of the command


@pytest.mark.posix
async def test_each_question_is_read_as_it_appears(store: Store, stand_in: Path) -> None:
    settings.save(settings.Settings(speak=True))
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [first] = said(stand_in, 1)
        text = first["args"][-1]
        # The step and its introduction come first, as the first question opens the step.
        assert text.startswith("Hello. I will help you plan")
        assert "Getting started. First, a few words about who this plan" in text
        assert "What name should I use" in text
        assert "Why I ask: The plan belongs to this person." in text
        assert "For example: Sam; Mrs Patel; Jo Smith" in text
        reading = app.aloud.speaker.current
        assert reading is not None and reading.poll() is None  # still speaking
        # Typing goes on while it speaks; the answer moves on and stops the old reading.
        started = time.monotonic()
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert time.monotonic() - started < 3
        assert app.screen.session.name == "Sam"  # type: ignore[attr-defined]
        assert reading.wait(5) == -signal.SIGTERM
        second = said(stand_in, 2)[1]
        assert second["args"][-1].startswith("Who is making this plan today?")
        assert "1, It is my plan. I am planning on my own." in second["args"][-1]
        assert second["at"] >= first["at"]
    # Closing the app stops any reading.
    assert app.aloud.speaker.current is None or app.aloud.speaker.current.poll() is not None


@pytest.mark.posix
@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_f8_reads_on_request_and_the_setting_can_be_turned_on(
        store: Store, stand_in: Path, size: tuple[int, int]) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert not stand_in.exists()  # not read unless asked
        await pilot.press("f8")
        [call] = said(stand_in, 1)
        assert "What name should I use" in call["args"][-1]
        app.toggle_read_each()
        await pilot.pause()
        assert settings.load()[0].speak is True
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert said(stand_in, 3)[-1]["args"][-1].startswith("Who is making this plan")


async def test_without_a_speech_program_the_key_says_so_once(store: Store, no_engine) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert len([n for n in notes if "needs a speech program" in n]) == 1
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert app.screen.session.name == "Sam"  # type: ignore[attr-defined]


@pytest.mark.posix
def test_plain_lines_can_be_read_aloud(stand_in: Path, store: Store, words) -> None:
    """Each question is read as it appears; the next line waits for nothing."""
    from .test_plain import Person, converse

    class Listener(Person):
        def readline(self) -> str:
            asked = len(self.typed) + 1
            said(stand_in, asked)  # each question has been handed to the speech program
            return super().readline()

    out = converse(store, words, Listener({"welcome.name": ["Sam"], "welcome.mode": ["1"]},
                                          stop="rights.why-now"), speak=True)
    calls = said(stand_in, 4)
    asked = [c["args"][-1] for c in calls]
    # What the lines say is what is read: the welcome, then the first question.
    assert asked[0].startswith("Hello. I will help you plan")
    assert "What name should I use" in asked[0]
    assert asked[1].startswith("Who is making this plan today?")
    assert "1, It is my plan. I am planning on my own." in asked[1]
    assert "Step 1 of 12" in asked[2] and words.question("rights.hopes").ask[:20] in asked[2]
    assert "needs a speech program" not in out


def test_plain_without_a_speech_program_says_so(no_engine, journey_home: Path) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}  # PATH has no speech program
    result = subprocess.run([sys.executable, "-m", "journey", "--plain", "--speak"],
                            input=b"Sam\n", capture_output=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.count("needs a speech program") == 1
    assert "Who is making this plan today?" in out  # the conversation goes on without it


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_real_espeak_ng_writes_what_it_was_given(tmp_path: Path) -> None:
    engine = shutil.which("espeak-ng")
    assert engine is not None
    wav = tmp_path / "question.wav"
    speaker = speech.Speaker([engine, "-w", str(wav)])
    assert speaker.say("What name should I use for the person this plan is for?")
    assert speaker.current is not None and speaker.current.wait(30) == 0
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert len(data) > 20_000  # about two seconds of speech, not an empty file

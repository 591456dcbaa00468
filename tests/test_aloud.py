"""Reading aloud says what the screen says: the step's introduction, the question, why it is
asked, the choices with their numbers, errors, confirmations and the step explained; at a
speed the person chooses and keeps. In a browser tab nothing is read on the server.

The speech program is journey's own Speaker, listening where it would start the system's
(tests/listening.py): no espeak-ng is needed, and each reading is seen whole and in order."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from journey.content import Journey as Content
from journey.store import settings
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.keys import KeysScreen

from .listening import Listening
from .test_tui_web import InBrowser

SIZES = [(60, 18), (80, 24), (120, 40)]


def listening(app: JourneyApp) -> Listening:
    speaker = Listening(speed=app.settings.speed)
    app.aloud._speaker = speaker
    return speaker


@pytest.mark.parametrize("size", SIZES)
async def test_each_turn_is_read_whole_with_numbers_errors_and_confirmations(
        store: Store, words: Content, size: tuple[int, int]) -> None:
    settings.save(settings.Settings(speak=True))
    app = JourneyApp(store, new=True)
    speaker = listening(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        [first] = speaker.heard
        # The welcome, the step and its introduction, then the question and why it is asked.
        assert first.startswith(words.message("welcome"))
        assert words.message("informs") in first
        assert "Getting started. First, a few words about who this plan" in first
        assert "What name should I use" in first and "Why I ask: The plan belongs" in first
        # An error is read as it is shown (f8 reads it again, with the question).
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#error", Static).content)
        assert error and speaker.heard[-1] == error
        await pilot.press("f8")
        await pilot.pause()
        assert speaker.heard[-1].startswith(error) and "What name should I use" in (
            speaker.heard[-1])
        assert speaker.readings[-2].stopped  # the last reading stopped for this one
        # Keys in a burst: the name and Enter; the next question's choices with numbers.
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        mode = speaker.heard[-1]
        assert mode.startswith("Who is making this plan today?")
        assert "1, It is my plan. I am planning on my own." in mode
        assert "2, " in mode
        assert not mode.startswith("Getting started")  # the step was introduced already
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        await pilot.pause()
        # A new step: its heading and introduction before its first question.
        step = screen.session.flow.step()
        assert step is not None
        opened = speaker.heard[-1]
        assert opened.startswith("Step 1 of 12")
        assert screen.session.introduction(step).split(".")[0] in opened
        assert screen.session.wording(screen.session.question) in opened
        # The step explained ("tell me more") is read as it opens.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert speaker.heard[-1].startswith(words.message("more_title"))
        # A confirmation: undoing the last change says so, then the question it leads to.
        before = len(speaker.heard)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        undone = [h for h in speaker.heard[before:] if "is undone" in h]
        assert undone and undone[-1].startswith("The last change to")
        now = screen.session.question
        assert now is not None and screen.session.wording(now) in undone[-1]


@pytest.mark.parametrize("size", SIZES)
async def test_f8_reads_the_error_and_the_question_and_the_speed_is_kept(
        store: Store, words: Content, size: tuple[int, int]) -> None:
    app = JourneyApp(store, new=True)
    speaker = listening(app)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert speaker.heard == []  # not read unless asked
        await pilot.press("f8")
        await pilot.pause()
        [asked] = speaker.heard
        assert asked.startswith("Who is making this plan today?")
        assert "1, It is my plan. I am planning on my own." in asked
        assert speaker.runs[-1][1:3] == ["-s", "175"]
        # Faster, kept for next time, and heard at once at the new speed.
        app.change_speed(True)
        await pilot.pause()
        assert settings.load()[0].speed == 200
        assert speaker.runs[-1][1:3] == ["-s", "200"]
        assert speaker.heard[-1] == words.message("speed_now", speed=200)
        for _ in range(30):  # never faster than the fastest
            app.change_speed(True)
        assert settings.load()[0].speed == settings.FASTEST
        for _ in range(30):
            app.change_speed(False)
        assert settings.load()[0].speed == settings.SLOWEST
        await pilot.press("f8")
        await pilot.pause()
        assert speaker.runs[-1][1:3] == ["-s", str(settings.SLOWEST)]
        # F1 says how to change the speed, with the speed now.
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        listed = str(app.screen.query_one("#keys-speed", Static).content)
        assert listed == words.message("keys_speed", speed=settings.SLOWEST)
    again = JourneyApp(store, new=True)
    assert again.aloud.speed == settings.SLOWEST  # remembered


def test_a_speed_stored_out_of_range_is_brought_inside() -> None:
    settings.path().parent.mkdir(parents=True)
    settings.path().write_text("speed = 5000\n")
    assert settings.load() == (settings.Settings(speed=settings.FASTEST), None)
    settings.path().write_text("speed = 3\n")
    assert settings.load()[0].speed == settings.SLOWEST
    settings.path().write_text('speed = "fast"\n')
    kept, problem = settings.load()
    assert kept.speed == 175 and problem is not None


@pytest.mark.parametrize("size", SIZES)
async def test_in_a_browser_nothing_is_read_on_the_server_and_it_says_why(
        store: Store, words: Content, size: tuple[int, int]) -> None:
    settings.save(settings.Settings(speak=True))
    app = InBrowser(store, new=True)
    speaker = listening(app)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        await pilot.press("f8", "f8")
        await pilot.pause()
        app.toggle_read_each()
        await pilot.pause()
        assert speaker.runs == []  # the server's speech program is never started
        notes = [n.message for n in app._notifications]
        said = words.message("speech_in_browser")
        assert said in notes
        assert "use your screen reader" in said
        assert settings.load()[0].speak is True  # the person's own setting is left alone
        # No plain lines to offer in a browser tab either.
        assert not app.screen.query_one("#plain-hint").display
        await pilot.press("f12")
        await pilot.pause()
        assert app.plain_next is None and app.is_running


def test_plain_lines_read_aloud_what_they_say(store: Store, words: Content,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Read aloud, the plain lines say what they write, each time a line is asked for: the
    choices with their numbers, errors, help, "Saved", and the step's introduction."""
    from journey.plain import conversation as plain_conversation

    from .test_plain import Person, converse

    speakers: list[Listening] = []

    def listening_here(command: list[str] | None = None, speed: int = 175) -> Listening:
        speakers.append(Listening(command, speed))
        return speakers[-1]

    monkeypatch.setattr(plain_conversation, "Speaker", listening_here)
    settings.save(settings.Settings(speed=220))
    person = Person({"welcome.name": ["", "Sam"], "welcome.mode": ["9", "1"],
                     "rights.hopes": ["help", "settings", "3", "150", "", "To swim"]},
                    stop="rights.why-now")
    out = converse(store, words, person, speak=True)
    [speaker] = speakers
    heard = speaker.heard
    assert heard[0].startswith(words.message("welcome").split(".")[0])
    # The error for the empty name, as the lines write it.
    assert heard[1].startswith("Please") and heard[1] in out.splitlines()
    assert heard[2].startswith("Who is making this plan today?")
    assert "1, It is my plan. I am planning on my own." in heard[2]
    most = len(words.question("welcome.mode").choices)
    assert heard[3] == words.message("error_choose_number", most=most)
    opened = heard[4]
    assert opened.startswith("Step 1 of 12") and words.question("rights.hopes").ask[:20] in (
        opened)
    assert "back: go back one question." in heard[5]  # the help
    assert any(h.startswith(words.message("plain_setting_saved")) for h in heard)
    # The speed kept is the speed read at, and a new one is used at once.
    assert speaker.runs[0][1:3] == ["-s", "220"]
    assert speaker.runs[-1][1:3] == ["-s", "150"]
    assert settings.load()[0].speed == 150


@pytest.mark.parametrize("size", SIZES)
async def test_who_is_here_today_is_read_then_the_question(
        store: Store, words: Content, size: tuple[int, int]) -> None:
    from .helpers import start

    session = start(words, store)
    session.close()
    settings.save(settings.Settings(speak=True))
    app = JourneyApp(store, journey=store.load(session.journey.id))
    speaker = listening(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        asked = speaker.heard[-1]
        assert asked.startswith(words.message("sitting_title", name="Sam"))
        assert "1, " + words.message("sitting_same", last="").split(":")[0] in asked
        assert "2, Sam, planning alone." in asked
        await pilot.press("escape")  # the same as last time
        await pilot.pause()
        question = app.screen.session.question  # type: ignore[attr-defined]
        assert speaker.heard[-1].startswith(app.screen.session.wording(question))  # type: ignore[attr-defined]


def test_each_speech_program_is_asked_for_the_speed_its_own_way() -> None:
    from journey.conversation.speech import speed_options

    assert speed_options(["/usr/bin/espeak-ng"], 250) == (["-s", "250"], {})
    assert speed_options(["/usr/bin/say"], 120) == (["-r", "120"], {})
    windows = ["powershell.exe", "-NoProfile", "-NonInteractive", "-Command", "..."]
    # Windows speech's rate runs from -10 to 10, 0 its usual speed; it goes in the
    # environment, never into the command.
    assert speed_options(windows, 175) == ([], {"JOURNEY_SAY_RATE": "0"})
    assert speed_options(windows, 400) == ([], {"JOURNEY_SAY_RATE": "10"})
    assert speed_options(windows, 80) == ([], {"JOURNEY_SAY_RATE": "-5"})
    speaker = Listening(windows, speed=400)
    assert speaker.say("Hello")
    assert speaker.runs[-1] == windows  # the text and the speed are not in the command


def test_reading_aloud_turned_on_in_the_plain_lines_is_kept_only_if_it_can_speak(
        store: Store, words: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.plain import actions

    from .test_plain import Person, converse

    monkeypatch.setattr(actions, "Speaker", lambda speed=175: Listening(speed=speed))
    person = Person({"welcome.name": ["Sam"], "welcome.mode": ["1"],
                     "rights.hopes": ["settings", "2", "", "To swim"]}, stop="rights.why-now")
    converse(store, words, person)
    assert settings.load()[0].speak is True
    # With no speech program, it says so and is not kept on.
    monkeypatch.setattr(actions, "Speaker", lambda speed=175: Listening([], speed=speed))
    settings.save(settings.Settings())
    person = Person({"rights.why-now": ["settings", "2", "", "Now"]},
                    opening=["1", ""], stop="rights.who")
    out = converse(store, words, person)
    assert words.message("speech_none") in out
    assert settings.load()[0].speak is False


@pytest.mark.parametrize("size", SIZES)
async def test_the_saved_journeys_are_read_first(store: Store, words: Content,
                                                 size: tuple[int, int]) -> None:
    from .helpers import start

    start(words, store, name="Sam").close()
    start(words, store, name="Ann").close()
    settings.save(settings.Settings(speak=True))
    app = JourneyApp(store)
    speaker = listening(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        [heard] = speaker.heard
        assert heard.startswith(words.message("start_title"))
        assert f"1, {words.message('start_new')}." in heard
        # Numbered as the list on screen: the newest first, each whole, never cut short.
        assert "2, Ann, " in heard and "3, Sam, " in heard
        assert "…" not in heard
        await pilot.press("down", "up", "enter")  # Ann's journey, chosen by keys
        await pilot.pause()
        await pilot.pause()
        assert speaker.heard[-1].startswith(words.message("sitting_title", name="Ann"))

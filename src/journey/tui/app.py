"""The journey app: opens the start screen or a journey, and little else."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen

from journey import content
from journey.conversation.session import Session
from journey.core.model import Journey
from journey.store import settings
from journey.store.database import Store, StoreError, Summary
from journey.tui.aloud import Aloud, start_text
from journey.tui.drawn import Cleaned
from journey.tui.keys import WEB_KEYS
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import SHOWN, JourneyChosen, ReviewChosen, StartScreen
from journey.tui.themes import (
    DEFAULT,
    NO_COLOUR,
    OFFERED,
    OfferedThemes,
    no_color_wanted,
    offered,
    own_variables,
    plain_name,
    without_colour,
)
from journey.tui.typeahead import CatchesKeys, KeepsOrder

QUIT_WAITS = 60  # times 0.05 seconds: how long quitting waits for keys typed before it


class JourneyApp(KeepsOrder, App[None]):
    CSS_PATH = "journey.tcss"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "keys", "All keys", id="keys", priority=True),
        # Said on the first line of every screen, for someone with a screen reader.
        Binding("f12", "plain_lines", "Plain lines, for a screen reader", id="plain-lines",
                priority=True, show=False),
    ]

    def __init__(self, store: Store, journey: Journey | None = None, new: bool = False,
                 summaries: list[Summary] | None = None, theme: str | None = None,
                 speak: bool = False, review: str | None = None) -> None:
        super().__init__()
        # NO_COLOR with any value but empty (no-color.org) means no colour codes at all.
        self.no_color = no_color_wanted()
        self._filters = without_colour(self._filters, self.no_color)
        # Settings kept between runs; --theme and --speak are for this run only.
        self.settings, self.settings_problem = settings.load()
        self.theme_for_now = NO_COLOUR.name if self.no_color else theme
        self.aloud = Aloud(each=speak or self.settings.speak, speed=self.settings.speed)
        self.aloud.later = self.call_later
        if not self.settings.animations:
            self.animation_level = "none"
        self.store = store
        self.summaries = summaries
        self.words = content.default()
        self.journey = journey
        self.new = new
        # Open the journey's review: "" carries on the open one or asks which kind to begin;
        # a kind begins one of that kind.
        self.review = review
        self.opened = False  # a journey was opened, so its answers are saved on disk
        self._quit_waits = 0
        self._quit_behind_keys = False
        self.draft_kept = False  # what was typed and not given is kept, to put back next time
        self._theme_at_start = ""  # shown at start: not a choice to keep
        # Plain lines asked for: the journey to carry on with there, and whether it is new.
        self.plain_next: tuple[str | None, bool] | None = None
        self.plain_asks_sitting = False
        self.title = self.words.message("app_title")
        self.sub_title = self.words.message("app_subtitle")
        self._cleaned = Cleaned()

    def format_title(self, title: str, sub_title: str) -> Content:
        # Textual dims the second part, below WCAG AA in a light theme: it is words to read.
        return Content.assemble(title, " — ", sub_title) if sub_title else Content(title)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return own_variables(self.current_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Every widget draws through these: stored text can never send terminal codes.
        return [*super().get_line_filters(), self._cleaned]

    def get_default_screen(self) -> Screen:
        # The first screen is built here rather than pushed in on_mount, so the first
        # question is painted in one pass.
        if self.journey is not None and self.review is not None:
            from journey.conversation.review import due_kind

            if self.journey.open_review() is not None or self.review:
                return self._review(self.journey, self.review or due_kind(self.journey))
            return Screen()  # under the question of which kind of review to begin
        if self.journey is None and not self.new:
            summaries = self.summaries if self.summaries is not None else self.store.list()
            if summaries:
                return StartScreen(self.store, self.words, summaries)
        return self._conversation(self.journey or self.store.create())

    def on_mount(self) -> None:
        if self.is_web:
            self.set_keymap(WEB_KEYS)
            self.aloud.web = True  # never read aloud on the server
        self._offer_themes()
        if self.settings_problem:
            self.notify(self.settings_problem, severity="warning", timeout=10, markup=False)
        if isinstance(self.screen, StartScreen):
            # The first thing asked: which journey. Read, when each question is.
            self.aloud.tell(start_text(self.words, self.screen.summaries[:SHOWN]))
        # What exists once the first screen is up lives as long as the app: keep it out of
        # the garbage collector's full passes, which otherwise stall an answer now and then.
        self.call_after_refresh(gc.freeze)
        if (self.journey is not None and self.review == ""
                and self.journey.open_review() is None):
            self._ask_review_kind()

    def _conversation(self, journey: Journey) -> ConversationScreen:
        session = Session(self.words, self.store, journey)
        # Another journey process may be changing it: then the screen only looks, and says
        # so for as long as it is open.
        session.claim()
        self.opened = True
        return ConversationScreen(session)

    def _review(self, journey: Journey, kind: str) -> Screen:
        """The review of a journey's plan: the open one where it stopped, or a new one of
        this kind, begun once the journey is claimed here."""
        from journey.conversation.review import ReviewSession
        from journey.tui.screens.review import ReviewScreen

        session = ReviewSession(self.words, self.store, journey)
        session.claim()
        if session.read_only is None and journey.open_review() is None:
            session.begin(kind)
        self.opened = True
        return ReviewScreen(session)

    def _ask_review_kind(self) -> None:
        """Asked as the app starts for a review with no kind given and none open."""
        from journey.conversation.review import due_kind
        from journey.tui.screens.review import ReviewKindScreen

        journey = self.journey
        assert journey is not None
        about = journey.mode.value != "self"

        def chosen(kind: str | None) -> None:
            if kind is None:
                self.exit()
                return
            self.push_screen(self._review(journey, kind))

        self.push_screen(ReviewKindScreen(self.words, journey.name or "", about,
                                          due_kind(journey)), chosen)

    @on(ReviewChosen)
    def _review_chosen(self, event: ReviewChosen) -> None:
        from journey.conversation.review import due_kind
        from journey.tui.screens.review import ReviewKindScreen, ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return  # a review is open here already
        # From the conversation, the review opens over it: this window holds the journey
        # already (the same store), and the review reads the journey afresh.
        try:
            journey = self.store.load(event.journey_id)
        except (KeyError, StoreError) as e:
            self.notify(self.words.message("error_open", reason=e), severity="error",
                        markup=False)
            return
        if journey.open_review() is not None:
            self.push_screen(self._review(journey, ""))
            return

        def chosen(kind: str | None) -> None:
            if kind is not None:
                self.push_screen(self._review(journey, kind))

        self.push_screen(ReviewKindScreen(self.words, journey.name or "",
                                          journey.mode.value != "self", due_kind(journey)),
                         chosen)

    @on(JourneyChosen)
    def _chosen(self, event: JourneyChosen) -> None:
        try:
            journey = self.store.load(event.journey_id) if event.journey_id else (
                self.store.create())
        except (KeyError, StoreError) as e:
            self.notify(self.words.message("error_open", reason=e), severity="error",
                        markup=False)
            return
        self.push_screen(self._conversation(journey))

    def _conversation_screen(self) -> ConversationScreen | None:
        """The conversation under whatever dialog is open, if a journey is open."""
        return next((s for s in reversed(self.screen_stack)
                     if isinstance(s, ConversationScreen)), None)

    async def action_quit(self) -> None:
        """At the end of a sitting with someone helping, offer its summary first, even
        when a dialog (the summary itself, say) is open over the conversation."""
        from journey.tui.screens.summary import SummaryScreen

        if self._behind_keys(self.action_quit):
            return
        conversation = self._conversation_screen()
        if conversation is not None:
            # What is in the box now is kept too, and the person is told so as they go.
            self.draft_kept = conversation.keep_draft(now=True)
        if conversation is not None and conversation.sitting_has_news():
            if isinstance(self.screen, SummaryScreen):
                if self.screen.quitting:
                    self.exit()  # asked already: a second ctrl+q quits
                else:
                    self.screen.offer_quit()
                return
            while self.screen is not conversation:
                self.pop_screen()
            conversation.action_summary(quitting=True)
            return
        self.exit()

    def _behind_keys(self, action: Callable[[], object]) -> bool:
        """Leaving (ctrl+q, f12) goes ahead of keys typed before it that are still on their
        way: True when `action` is put off until they land, so what they say is kept too."""
        on_their_way = self.keys_waiting() or (
            isinstance(self.screen, CatchesKeys) and self.screen.keys_on_their_way())
        if on_their_way and self._quit_waits < QUIT_WAITS:
            # Still on their way to the next box: let them land first.
            self._quit_waits += 1
            self.set_timer(0.05, action)
            return True
        self._quit_waits = 0
        focused = self.focused
        if focused is not None and not self._quit_behind_keys:
            # Keys handed to the box just before may still wait in the box's own queue:
            # leave from behind them, so what they typed is in the box when it is kept.
            self._quit_behind_keys = True
            if focused.call_later(self.call_later, action):
                return True
        self._quit_behind_keys = False
        return False

    async def action_plain_lines(self) -> None:
        """Leave the app for plain lines, in the same terminal, at the same question: what
        is typed in the box is kept as a draft, as quitting keeps it."""
        if self.is_web:
            return  # a browser tab has no terminal of its own to write lines to
        if self._behind_keys(self.action_plain_lines):
            return
        from journey.tui.screens.sitting import SittingScreen

        # Who is here today, not yet answered in the app, is asked in the plain lines.
        self.plain_asks_sitting = isinstance(self.screen, SittingScreen)
        conversation = self._conversation_screen()
        if conversation is None:
            self.plain_next = (None, False)
        else:
            self.draft_kept = conversation.keep_draft(now=True)
            journey = conversation.session.journey
            self.plain_next = (journey.id, not journey.events)
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "plain_lines":
            return not self.is_web
        return super().check_action(action, parameters)

    def toggle_plain(self) -> None:
        self.settings.plain = not self.settings.plain
        self._save_settings()
        self.notify(self.words.message("plain_always_said_on" if self.settings.plain
                                       else "plain_always_said_off"), markup=False)

    def _offer_themes(self) -> None:
        """Only journey's own themes, each passing WCAG AA for everything drawn, are offered
        (and the no-colour one kept for NO_COLOR); the theme for this run is shown."""
        ours = {theme.name for theme in (*OFFERED, NO_COLOUR)}
        for theme in (*OFFERED, NO_COLOUR):
            self.register_theme(theme)
        self._theme_at_start = self.theme = self._first_theme()
        # Only now that one of journey's is shown can Textual's own be taken away.
        for name in [name for name in self.available_themes if name not in ours]:
            self.unregister_theme(name)

    def _first_theme(self) -> str:
        """The theme given for this run, else the one kept in the settings, else the
        default. A name not offered (an old setting, a mistyped --theme) is said, never
        fatal."""
        if self.theme_for_now == NO_COLOUR.name:
            return NO_COLOUR.name
        if self.theme_for_now:
            chosen = offered(self.theme_for_now)
            if chosen is not None:
                return chosen.name
            names = ", ".join(t.name for t in OFFERED)
            self.notify(self.words.message("theme_unknown", name=self.theme_for_now,
                                           names=names),
                        severity="warning", timeout=10, markup=False)
            self.theme_for_now = None
        stored = self.settings.theme
        chosen = offered(stored) if stored else DEFAULT
        if chosen is None:
            key = self.get_key_display(Binding(self.COMMAND_PALETTE_BINDING, "", ""))
            self.notify(self.words.message(
                "theme_not_offered", name=stored, now=plain_name(DEFAULT, self.words),
                keys=key), severity="warning", timeout=10, markup=False)
            chosen = DEFAULT
        if stored and stored != chosen.name:  # kept by the name it has now, said once
            self.settings.theme = chosen.name
            self._save_settings()
        return chosen.name

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the app is kept for next time; one given for this run is not."""
        if theme == self._theme_at_start:
            return
        self._theme_at_start = ""
        self.theme_for_now = None
        self.settings.theme = theme
        self._save_settings()

    def search_themes(self) -> None:
        """The colours picker offers journey's themes by their plain names."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[OfferedThemes],
                                        placeholder=self.words.message("theme_search")))

    def _save_settings(self) -> None:
        problem = settings.save(self.settings)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def toggle_read_each(self) -> None:
        if self.is_web:
            self.notify(self.words.message("speech_in_browser"), severity="warning",
                        markup=False)
            return
        self.aloud.each = self.settings.speak = not self.aloud.each
        self._save_settings()
        if isinstance(self.screen, ConversationScreen):
            self.aloud.shown(self.screen.session, introduced=True)

    def change_speed(self, faster: bool) -> None:
        """Reading aloud a step faster or slower, kept for next time, and read at the new
        speed at once so the person hears it."""
        step = settings.STEP if faster else -settings.STEP
        speed = min(settings.FASTEST, max(settings.SLOWEST, self.settings.speed + step))
        self.settings.speed = speed
        self.aloud.set_speed(speed)
        self._save_settings()
        said = self.words.message("speed_now", speed=speed)
        self.notify(said, markup=False)
        if not self.aloud.each and not self.aloud.web and self.aloud.speaker.available:
            self.aloud.speaker.say(said)  # heard at the new speed, even when not reading each

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A message journey shows ("Saved", an error) is read aloud too, when each question
        is read."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        self.aloud.tell(message)

    def toggle_animations(self) -> None:
        self.settings.animations = not self.settings.animations
        self.animation_level = "full" if self.settings.animations else "none"
        self._save_settings()

    def on_unmount(self) -> None:
        self.aloud.stop()

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A file on its way to the browser did not get there."""
        self.notify(self.words.message("delivery_failed"), severity="error", markup=False)

    def action_command_palette(self) -> None:
        # Textual looks only at the top screen: with the palette open under another dialog
        # (F1 over it, say), a second palette would be opened with the same id, and crash.
        from textual.command import CommandPalette

        if not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            super().action_command_palette()

    def get_key_display(self, binding: Binding) -> str:
        """Keys are shown as they work here (in a browser, the keys that reach the page), and
        written as journey's words and README write them: "ctrl+y", not Textual's "^y"."""
        if self.is_web and binding.id in WEB_KEYS:
            binding = binding.with_key(WEB_KEYS[binding.id])
        return binding.key_display or binding.key.split(",")[0].strip()

    def action_keys(self) -> None:
        from journey.tui.screens.keys import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Journey's own commands, each once: none of Textual's tools for developers."""
        words = self.words
        commands: dict[str, SystemCommand] = {}
        if isinstance(screen, ConversationScreen | StartScreen):
            for binding in screen.BINDINGS:
                if screen.check_action(binding.action, ()) is False:
                    continue
                # The help line names the key, rather than saying the name again.
                key = words.message("palette_key", keys=self.get_key_display(binding))
                commands.setdefault(binding.description, SystemCommand(
                    binding.description, binding.tooltip or key,
                    getattr(screen, f"action_{binding.action}")))
        if isinstance(screen, ConversationScreen) and screen.can_review():
            review = words.message("start_review")
            commands.setdefault(review, SystemCommand(
                review, words.message("review_palette_help"), screen.action_review_plan))
        if isinstance(screen, ConversationScreen):
            sheet = words.message("prep_export")
            commands.setdefault(sheet, SystemCommand(
                sheet, words.message("prep_export_help"), screen.action_export_prep))
            if self.is_web:
                printing = words.message("print_plan")
                commands.setdefault(printing, SystemCommand(
                    printing, words.message("print_plan_help"), screen.action_print_plan))
        for name, help_text, action in [
            (words.message("palette_keys"), words.message("palette_keys_help"), self.action_keys),
            (words.message("palette_theme"), words.message("palette_theme_help"),
             self.action_change_theme),
            (words.message("read_each_off" if self.aloud.each else "read_each_on"),
             words.message("read_each_help"), self.toggle_read_each),
            *([] if self.is_web else [
                (words.message("speed_faster"),
                 words.message("speed_help", speed=self.settings.speed),
                 lambda: self.change_speed(True)),
                (words.message("speed_slower"),
                 words.message("speed_help", speed=self.settings.speed),
                 lambda: self.change_speed(False))]),
            (words.message("animations_off" if self.settings.animations else "animations_on"),
             words.message("animations_help"), self.toggle_animations),
            *([] if self.is_web else [
                (words.message("plain_always_off" if self.settings.plain
                               else "plain_always_on"),
                 words.message("plain_always_help"), self.toggle_plain),
                (words.message("plain_now"), words.message("palette_key", keys="f12"),
                 self.action_plain_lines)]),
            (words.message("palette_quit"), words.message("palette_quit_help"),
             self.action_quit),
        ]:
            commands.setdefault(name, SystemCommand(name, help_text, action))
        yield from commands.values()

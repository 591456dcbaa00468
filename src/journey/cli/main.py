"""The `journey` command. Commands that show no screen never import Textual."""

from __future__ import annotations

import sys

from journey import DISTRIBUTION, __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing for --version
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

    from journey.core.model import Journey
    from journey.store.database import Store, Summary

# Everything else is imported when a command needs it, so `journey --version` is as quick as
# Python itself, and each command loads only its own part of journey.

# `journey check`'s exit code when something would stop a council agreeing the plan: not 1
# (an error) nor 2 (argparse's: the command was not understood), so a script can tell them
# apart.
NOT_READY = 3

# The formats' names only: the renderers are imported when a file is made.
FORMATS = ("md", "txt", "html", "docx", "profile-md", "profile-html", "easy-html", "easy-docx")
COMPARE_FORMATS = ("md", "txt", "html", "docx")


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or, when the command is known, only what it needs ("" for
    none): the other commands' options are made only for --help or a mistake, which list
    them all."""
    import argparse
    from pathlib import Path

    from journey.cli import manage

    def wanted(name: str) -> bool:
        return command is None or command == name

    parser = argparse.ArgumentParser(
        prog="journey",
        description="Plan your own care and support, one question at a time.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"journey {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="log more than errors, and show it, with any error in full, "
                             "on standard error ('journey where' names the log)")
    _display_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if wanted("list"):
        listing = commands.add_parser("list", help="show saved journeys, most recent first")
        listing.add_argument("--search", metavar="TEXT", help="only those whose name has TEXT")
        listing.add_argument("--deleted", action="store_true",
                             help="show deleted journeys, which can still be recovered")
    if wanted("export"):
        export = commands.add_parser("export", help="save a journey's plan as a file")
        export.add_argument("id", help="the journey's id, as shown by 'journey list'")
        export.add_argument(
            "--format", default="md", choices=[*FORMATS, "prep", "json"],
            help="md, txt, html or docx: the plan; profile-md or profile-html: the one-page "
                 "profile; easy-html or easy-docx: the plan in Easy Read, with pictures; "
                 "prep: the assessment preparation sheet; json: the whole journey, "
                 "to import elsewhere",
        )
        export.add_argument("--large-print", action="store_true",
                            help="bigger text (html, profile-html, docx, easy-html and easy-docx)")
        export.add_argument("-o", "--output", type=Path,
                            help="file to write (default: screen)")
        export.add_argument("--no-attribution", dest="attributed", action="store_false",
                            help="leave out who said what")
        export.add_argument("--no-notes", dest="notes", action="store_false",
                            help="leave out the helper's notes")
        export.add_argument("--version", type=int, metavar="N", dest="plan_version",
                            help="the plan as it was at version N ('journey versions ID' "
                                 "lists them); not with json, which holds every version")
        export.add_argument("--review", type=int, metavar="N",
                            help="the record of the plan's review N (1 is the first) in "
                                 "place of the plan: md, txt, html or docx")
    if wanted("versions"):
        listed = commands.add_parser("versions", help="list the kept versions of a plan")
        listed.add_argument("id", help="the journey's id, as shown by 'journey list'")
    if wanted("compare"):
        compared = commands.add_parser(
            "compare", help="what changed in the plan between two of its versions")
        compared.add_argument("id", help="the journey's id, as shown by 'journey list'")
        compared.add_argument("first", type=int, metavar="A", help="a version's number")
        compared.add_argument("second", type=int, metavar="B", help="another version's number")
        compared.add_argument("--format", default="md", choices=COMPARE_FORMATS,
                              help="md, txt, html or docx (docx needs -o)")
        compared.add_argument("--large-print", action="store_true",
                              help="bigger text (html and docx)")
        compared.add_argument("-o", "--output", type=Path,
                              help="file to write (default: screen)")
    if wanted("summary"):
        summary = commands.add_parser("summary",
                                      help="what happened in a sitting, for the file")
        summary.add_argument("id", help="the journey's id, as shown by 'journey list'")
        summary.add_argument("--sitting", type=int,
                             help="which sitting (default: the latest)")
        summary.add_argument("-o", "--output", type=Path,
                             help="file to write (default: screen)")
    if wanted("check"):
        check = commands.add_parser(
            "check", help="what the council would still need before agreeing the plan",
            description="List what the council would still need before agreeing the plan. "
                        f"Exits with 0 when nothing blocks agreement, {NOT_READY} when "
                        "something would stop a council agreeing it, 1 on an error (no such "
                        "journey) and 2 when the command is not understood.")
        check.add_argument("id", help="the journey's id, as shown by 'journey list'")
    if wanted("open"):
        resume = commands.add_parser("open", help="open a saved journey where it stopped")
        resume.add_argument("id")
        _display_options(resume, inner=True)
    if wanted("new"):
        _display_options(commands.add_parser("new", help="start a new journey"), inner=True)
    if wanted("review"):
        review = commands.add_parser(
            "review", help="review a journey's plan: carry on its review, or begin one")
        review.add_argument("id", help="the journey's id, as shown by 'journey list'")
        review.add_argument("--kind", choices=("light", "yearly", "change", "asked"),
                            help="the kind of review to begin: light (the first check), "
                                 "yearly, change (after a change or crisis) or asked "
                                 "(asked for); the app asks when it is not given")
        _display_options(review, inner=True)
    if wanted("examples"):
        shown = commands.add_parser(
            "examples", help="the example journeys that come with journey: list them, or "
                             "add one to your journeys (a new copy each time) to look around")
        shown.add_argument("name", nargs="?", help="the example to add, like mia")
        shown.add_argument("--open", action="store_true", dest="open_it",
                           help="open it straight away once added")
        _display_options(shown, inner=True)
    if wanted("serve"):
        _serve_options(commands.add_parser(
            "serve",
            help=f"use journey in a web browser: web pages, one question at a time, from one "
                 f"process for everyone (needs {DISTRIBUTION}[web])"))
    if wanted("completion"):
        completion = commands.add_parser(
            "completion", help="print a script that completes journey's commands in a shell",
            description="Print a script that completes journey's commands, options and "
                        "journey ids. bash: add 'eval \"$(journey completion bash)\"' to "
                        "~/.bashrc; zsh: the same with zsh, to ~/.zshrc; fish: save it as "
                        "~/.config/fish/completions/journey.fish.")
        completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    if wanted("money"):
        from journey.cli import money

        money.add_command(commands)
    manage.add_commands(commands, command)
    return parser


# The commands made here, not in manage: a first word that is one of these, or one of
# manage.COMMANDS, builds only its own part of the command line.
OWN_COMMANDS = frozenset({"list", "export", "summary", "check", "open", "new", "serve",
                          "completion", "examples", "money", "versions", "compare",
                          "review"})


def _display_options(parser: argparse.ArgumentParser, inner: bool = False) -> None:
    """How the conversation is shown. Given after `open` or `new` too; there, an option
    left out keeps what was said before the command."""
    import argparse

    keep = {"default": argparse.SUPPRESS} if inner else {}
    parser.add_argument(
        "--plain", action="store_true", **keep,
        help="plain lines, one question at a time, for screen readers and braille displays "
             "(also when input or output is not a terminal, or TERM=dumb, or JOURNEY_PLAIN=1, "
             "or when chosen for every time: type settings in the plain lines)")
    parser.add_argument("--speak", action="store_true", **keep,
                        help="read each question aloud (needs espeak-ng, say or Windows speech)")
    parser.add_argument("--theme", metavar="NAME", **keep,
                        help="colours for this run only: dark, light, high-contrast-dark or "
                             "high-contrast-light")


def _port(text: str) -> int:
    import argparse

    port = int(text)
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return port


def _tabs(text: str) -> int:
    import argparse

    tabs = int(text)
    if tabs < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return tabs


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=8000,
                        help="the port to listen on (default: 8000)")
    parser.add_argument(
        "--host", default="127.0.0.1", metavar="ADDRESS",
        help="the address to listen on (default: 127.0.0.1, this computer only). Any other "
             "needs your own login and https in front of journey")
    parser.add_argument(
        "--url", metavar="URL",
        help="the address people's browsers use, when journey stands behind your own web "
             "server, like https://journey.example.org")
    parser.add_argument("--tabs", type=_tabs, default=4,
                        help="with --terminal: how many browser tabs can run journey at once "
                             "(default: 4)")
    parser.add_argument("--open", action="store_true", dest="open_browser",
                        help="open the link in your web browser once journey is ready")
    parser.add_argument("--terminal", action="store_true",
                        help="put the terminal app itself in the page, one process for each "
                             "browser tab, instead of journey's web pages")


EPILOG = (
    "Set NO_COLOR (to any value) for no colour at all; a terminal of fewer than 8 colours "
    "(TERM=xterm-mono) gets none either. The theme, reading aloud and its speed, and plain "
    "lines every time are remembered in a settings file; JOURNEY_CONFIG names its folder; "
    "JOURNEY_PLAIN=0 opens the app this time all the same. Set "
    "TEXTUAL_ANIMATIONS=none for no animations. Exit codes: 0 done, 1 an error (said on "
    f"standard error), 2 a command not understood, {NOT_READY} 'journey check' found "
    "something that would stop a council agreeing the plan."
)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:
        # The quickest answer: no command line to build, nothing else of journey to load.
        print(f"journey {__version__}")
        raise SystemExit(0)  # as argparse's version action does
    from journey.plain.terminal import letters_kept

    letters_kept()
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, so a closed pipe is met inside the try
    except BrokenPipeError:
        # The reader went away (`journey list | head -1`): stop quietly. Python would
        # flush stdout again on the way out and complain, so point it at nothing.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


def _main(argv: Sequence[str] | None) -> int:
    from journey.cli import manage

    words = sys.argv[1:] if argv is None else list(argv)
    first = words[0] if words else None
    if not words:
        command: str | None = ""  # the app, straight away: no command's options needed
    elif first in OWN_COMMANDS or first in manage.COMMANDS:
        command = first
    else:
        command = None  # --help, an option first, or a mistake: the whole command line
    args = _parser(command).parse_args(words)
    from journey.cli import log
    from journey.content import ContentError
    from journey.store.database import StoreError

    journey_id = getattr(args, "id", None)
    log.debugging(args.debug)  # for this command alone, however many run in one process
    log.debug(args.command, journey_id, "started")
    try:
        if args.command == "list":
            return _list(args.search, args.deleted)
        if args.command == "export" and args.format == "json" and args.review is None:
            if args.plan_version is not None:
                from journey import content

                print(content.default().message("version_json"), file=sys.stderr)
                return 1
            return manage.export_json(_open_store(), args.id, args.output, args.notes)
        if args.command == "export" and args.review is not None:
            return _export_review(args.id, args.review, args.format, args.output)
        if args.command == "export":
            return _export(args.id, args.format, args.output, args.large_print, args.attributed,
                           args.notes, args.plan_version)
        if args.command == "versions":
            return _versions(args.id)
        if args.command == "compare":
            return _compare(args.id, args.first, args.second, args.format, args.output,
                            args.large_print)
        if args.command == "summary":
            return _summary(args.id, args.sitting, args.output)
        if args.command == "check":
            return _check(args.id)
        if args.command == "completion":
            from journey.cli.completion import outline, script

            sys.stdout.write(script(args.shell, outline(_parser())))
            return 0
        if args.command == "serve":
            return _serve(args.host, args.port, args.url, args.tabs, args.open_browser,
                          pages=not args.terminal)
        if args.command == "examples":
            return _examples(args)
        if args.command == "money":
            from journey.cli import money

            return money.run(args, _open_store())
        if args.command in manage.COMMANDS:
            return manage.run(args, None if args.command == "schema" else _open_store())
        return _run_app(journey_id=getattr(args, "id", None), new=args.command == "new",
                        plain=args.plain, speak=args.speak, theme=args.theme,
                        review=(args.kind or "") if args.command == "review" else None)
    except (StoreError, ContentError) as e:
        print(f"journey: {e}", file=sys.stderr)
        log.error(args.command, journey_id, e)
        return 1
    except BrokenPipeError:
        raise  # the reader went away: main() stops quietly
    except Exception as e:  # anything unforeseen: said plainly, and logged without the words
        logged = log.error(args.command, journey_id, e)
        from journey import content

        words = content.default()
        print(words.message("crashed_logged", path=logged) if logged
              else words.message("crashed_saved"), file=sys.stderr)
        return 1
    finally:
        log.debug(args.command, journey_id, "ended")


def _open_store() -> Store:
    from journey import content
    from journey.store.database import Store, StoreError, data_home

    try:
        return Store()
    except StoreError as e:
        raise StoreError(
            content.default().message("error_data_dir", path=data_home(), reason=e)
        ) from None


def _list(search: str | None, deleted: bool) -> int:
    from functools import cache

    from journey import content
    from journey.core.answers import show_moment

    store = _open_store()
    summaries = store.list(search, deleted=deleted)
    words = content.default()
    if not summaries:
        print(words.message("list_none_deleted") if deleted else words.message(
            "list_none_found", search=_safe(search)) if search else words.message(
            "list_empty", command=_command()))
        return 0
    if deleted:
        rows = [tuple(words.message("list_deleted_columns").split("|"))]
        rows += [(_row_id(s.id), _row_name(s.name), show_moment(s.deleted),
                  show_moment(s.purge_after)) for s in summaries if s.deleted and s.purge_after]
    else:
        # Thousands of rows share a few modes and steps: name each once.
        mode, reached = cache(lambda m: words.message("mode_" + m)), cache(words.reached)
        percent = cache(lambda p: words.message("percent", percent=p))
        due = _reviews_due(store, summaries)
        rows = [(*words.message("list_columns").split("|"), words.message("list_due_column"))]
        rows += [(_row_id(s.id), _row_name(s.name), mode(s.mode), reached(s.step),
                  percent(s.percent), show_moment(s.updated), due.get(s.id, ""))
                 for s in summaries]
    print("\n".join(_table(rows)))
    return 0


def _reviews_due(store: Store, summaries: list[Summary]) -> dict[str, str]:
    """When each agreed plan's next review is due, in words. Only journeys with an agreed
    date are loaded: the rest have no review date to count from."""
    from journey import content
    from journey.core.due import due_words, next_review
    from journey.store.database import StoreError

    words = content.default()
    due: dict[str, str] = {}
    try:
        agreed = store.answered("happen.agreed")
    except StoreError:
        return due  # the list is shown without the dates
    for journey_id in agreed & {s.id for s in summaries}:
        try:
            found = next_review(words, store.load(journey_id))
        except (KeyError, StoreError):
            continue  # gone since it was listed, or unreadable: listed without a date
        if found is not None:
            due[journey_id] = due_words(words, found)
    return due


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    """The rows in columns two spaces apart, each as wide as its widest cell on screen."""
    columns = list(zip(*rows, strict=True))
    if all("".join(column).isascii() for column in columns):
        # The usual case, and thousands of rows: one letter is one column, so Python's own
        # padding lines them up.
        line = "  ".join(f"{{:<{max(map(len, column))}}}" for column in columns)
        return [line.format(*row).rstrip() for row in rows]
    widths = [max(map(_cells, column)) for column in columns]
    return ["  ".join(cell + " " * (w - _cells(cell)) for cell, w in zip(row, widths, strict=True))
            .rstrip() for row in rows]


LIST_NAME_WIDTH = 40  # a longer name is cut short in `journey list`, so each row fits a line


def _row_id(journey_id: str) -> str:
    """journey's own ids are plain; one kept by an older journey from a crafted file may
    not be, and must not break a row either."""
    return journey_id if journey_id.isprintable() else " ".join(_safe(journey_id).split())


def _row_name(name: str | None) -> str:
    if not name:
        return "…"
    if len(name) <= LIST_NAME_WIDTH and name.isprintable():
        return name
    from journey.core.answers import clean_name

    name = clean_name(name)
    return name if len(name) <= LIST_NAME_WIDTH else name[:LIST_NAME_WIDTH - 1].rstrip() + "…"


def _cells(text: str) -> int:
    """Columns a text takes in a terminal, measured as the app measures them: wide letters
    (CJK, emoji) take two, accents and joiners none."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _load(journey_id: str, store: Store | None = None) -> Journey | None:
    """The saved journey, or None after telling the person there is no such journey."""
    from journey import content

    try:
        return (store or _open_store()).load(journey_id)
    except KeyError:
        message = content.default().message("error_no_journey", id=_safe(journey_id))
        print(message, file=sys.stderr)
        return None


def _version(journey: Journey, number: int) -> Journey | None:
    """The journey as it was at version `number`, or None after saying there is none."""
    from journey import content
    from journey.core import fit
    from journey.plan import versions

    words = content.default()
    fit.check(words, journey)
    found = versions.find(journey, number)
    if found is None:
        have = versions.kept(journey)
        print(words.message("version_not_found", number=number,
                            have=", ".join(str(v.number) for v in have)) if have
              else words.message("version_not_found_none", number=number), file=sys.stderr)
        return None
    return versions.at(journey, found)


def _export(journey_id: str, fmt: str, output: Path | None, large_print: bool,
            attributed: bool, notes: bool, version: int | None = None) -> int:
    from journey import content, plan
    from journey.documents import render

    words = content.default()
    journey = _load(journey_id)
    if journey is None:
        return 1
    if version is not None:
        journey = _version(journey, version)
        if journey is None:
            return 1
    if not notes:
        journey = journey.without_notes()
    if fmt == "prep":
        from journey.plan import prep

        sheet = render.render_prep(prep.build(words, journey)).encode()
        return _write(sheet, output, "exported_prep", text=True)
    if output is None and render.FORMATS[fmt].binary:
        print(words.message("export_needs_file", format=fmt), file=sys.stderr)
        return 1
    built = plan.build(words, journey, attributed=attributed)
    if version is not None:
        from dataclasses import replace

        built = replace(built, title=words.message("version_title", title=built.title,
                                                   number=version))
    saved = "exported_profile" if fmt.startswith("profile-") else "exported_plan"
    return _write(render.export(built, fmt, large_print), output, saved,
                  text=render.FORMATS[fmt].text_file)


def _versions(journey_id: str) -> int:
    """List the plan's kept versions: number, when, and the review that made each."""
    from journey import content
    from journey.core import fit
    from journey.plan import compare, versions

    words = content.default()
    journey = _load(journey_id)
    if journey is None:
        return 1
    fit.check(words, journey)
    kept = versions.kept(journey)
    if not kept:
        print(words.message("versions_none"))
    for version in kept:
        print(_safe(compare.kept_words(words, version)))
    if broken := versions.damaged(journey):
        print(words.message("versions_damaged", count=len(broken)))
    return 0


def _compare(journey_id: str, first: int, second: int, fmt: str, output: Path | None,
             large_print: bool) -> int:
    """What changed in the plan from version `first` to version `second`."""
    from journey import content
    from journey.documents import render
    from journey.plan import compare, versions

    words = content.default()
    journey = _load(journey_id)
    if journey is None:
        return 1
    sides = []
    for number in (first, second):
        if _version(journey, number) is None:
            return 1
        sides.append(versions.find(journey, number))
    if output is None and render.COMPARE_FORMATS[fmt].binary:
        print(words.message("export_needs_file", format=fmt), file=sys.stderr)
        return 1
    made = compare.compare(words, journey, *sides)
    return _write(render.export_comparison(made, fmt, large_print), output, "exported_compare",
                  text=render.COMPARE_FORMATS[fmt].text_file)


def _export_review(journey_id: str, number: int, fmt: str, output: Path | None) -> int:
    """The record of one review of the plan, as a file."""
    from journey import content
    from journey.documents import review as document
    from journey.plan.review import records

    words = content.default()
    if fmt not in document.FORMATS:
        print(words.message("error_review_format", format=fmt,
                            formats=", ".join(document.FORMATS)), file=sys.stderr)
        return 1
    journey = _load(journey_id)
    if journey is None:
        return 1
    from journey.money.reviewed import how_it_went

    found = records(words, journey, how_it_went)
    if not 1 <= number <= len(found):
        print(words.message("error_no_review", number=number, count=len(found)),
              file=sys.stderr)
        return 1
    if output is None and fmt == "docx":
        print(words.message("export_needs_file", format=fmt), file=sys.stderr)
        return 1
    return _write(document.render(words, found[number - 1], fmt), output, "exported_review",
                  text=fmt in ("md", "txt"))


def _summary(journey_id: str, sitting: int | None, output: Path | None) -> int:
    from journey import content
    from journey.documents import render
    from journey.plan.summary import summarise

    journey = _load(journey_id)
    if journey is None:
        return 1
    words = content.default()
    count = len(journey.sittings())
    if sitting is not None and not 1 <= sitting <= count:
        print(words.message("error_no_sitting", number=sitting, count=count), file=sys.stderr)
        return 1
    summary = render.render_summary(summarise(words, journey, sitting)).encode()
    return _write(summary, output, "summary_saved", text=True)


def _write(data: bytes, output: Path | None, saved: str, text: bool = False) -> int:
    """To the screen (where Python ends the lines the system's way) or to a file; `saved`
    names the message that says which document is now in the file."""
    from journey import content

    words = content.default()
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from journey.store.private import reason, write_whole

    try:
        was_open = write_whole(output, data, text=text)
    except OSError as e:
        print(words.message("export_failed", reason=reason(e)), file=sys.stderr)
        return 1
    print(words.message(saved, path=output))
    if was_open:
        print(words.message("made_private", path=output))
    return 0


def _check(journey_id: str) -> int:
    """Print what a council would still need; 0 only when nothing blocks agreement."""
    from journey import content, plan

    words = content.default()
    journey = _load(journey_id)
    if journey is None:
        return 1
    readiness = plan.build(words, journey).readiness
    print(_safe(words.message("check_title", name=journey.name or words.message("someone"))))
    for criterion in readiness.criteria:
        mark = words.message("check_answered" if criterion.answered else "check_missing")
        print(f"  [{mark}] {criterion.number}. {criterion.title}")
    print()
    print(_safe(readiness.verdict))
    for finding in readiness.findings:
        where = words.message(
            "check_where", step=words.message("check_step", number=finding.step_number,
                                              title=finding.step_title)
            if finding.step_number else finding.step_title,
            question=finding.question_label,
        )
        label = "" if finding.blocks else words.message("check_worth_checking") + " "
        print(_safe(f"  - {label}{finding.text}\n    {where}"))
    return 0 if readiness.ready else NOT_READY


def _run_app(journey_id: str | None, new: bool, plain: bool = False, speak: bool = False,
             theme: str | None = None, review: str | None = None) -> int:
    from journey import content
    from journey.plain.terminal import plain_remembered, wants_plain

    store = _open_store()
    if store.read_only:
        # Every sitting is saved as it begins, so journey cannot be used here at all.
        print(content.default().message("error_read_only", path=store.home), file=sys.stderr)
        return 1
    from journey.store import settings

    saved, problem = settings.load()
    if plain or wants_plain() or plain_remembered(saved.plain):
        if problem:
            print(_safe(problem), file=sys.stderr)  # the app says it on its screen instead
        return _run_plain(store, journey_id, new, speak or saved.speak, review=review)
    journey, summaries = None, None
    if journey_id:
        if (journey := _load(journey_id, store)) is None:
            return 1
        if review is not None and not _has_plan(journey):
            return 1
    elif not new:
        summaries = store.list()  # a damaged file is reported here, before the screen opens
    from journey.tui.app import JourneyApp

    app = JourneyApp(store, journey=journey, new=new, summaries=summaries, theme=theme,
                     speak=speak, review=review)
    app.run()
    if app.return_code:
        # Textual has put the terminal back and shown what went wrong; every answer was
        # saved as it was given, so say so plainly and let the shell know it failed.
        from journey.cli import log

        log.failed("new" if new else "open", journey_id, f"app ended with {app.return_code}")
        print(content.default().message("crashed_saved"), file=sys.stderr)
        return app.return_code
    if app.plain_next is not None:
        # The person asked for plain lines: the same journey carries on there, at the
        # same question, in this same terminal.
        opened, unsaved = app.plain_next
        return _run_plain(store, None if unsaved else opened, new=unsaved,
                          speak=speak or app.settings.speak, switched=True,
                          sat=not app.plain_asks_sitting)
    if app.opened:
        said = "quit_saved_draft" if app.draft_kept else "quit_saved"
        print(content.default().message(said, command=_command()))
    return 0


def _run_plain(store: Store, journey_id: str | None, new: bool, speak: bool,
               switched: bool = False, sat: bool = False, review: str | None = None) -> int:
    from journey.plain import conversation as plain_mode

    return plain_mode.run(store, journey_id, new, speak=speak, switched=switched, sat=sat,
                          review=review)


def _has_plan(journey: Journey) -> bool:
    """A review needs a plan to walk: say so when there is none yet."""
    from journey import content
    from journey.conversation.review import has_plan

    if has_plan(journey):
        return True
    print(content.default().message("review_no_plan", id=_safe(journey.id)), file=sys.stderr)
    return False


def _serve(host: str, port: int, url: str | None, tabs: int, open_browser: bool = False,
           pages: bool = True) -> int:
    """journey in a web browser. textual-serve is an optional part: say how to add it."""
    from importlib.util import find_spec

    from journey import content

    words = content.default()
    if find_spec("textual_serve") is None or find_spec("aiohttp") is None:
        print(words.message("serve_needs_extra", command=_add_web()), file=sys.stderr)
        return 1
    store = _open_store()  # a folder that cannot be used is reported before anything starts
    if store.read_only:
        print(words.message("error_read_only", path=store.home), file=sys.stderr)
        return 1
    try:
        if pages:
            from journey.web.address import Address
            from journey.web.pages import PagesServer

            # One process serves every browser, on this one store.
            PagesServer(Address(host, port, url), store).serve(open_browser=open_browser)
        else:
            store.close()
            from journey.web.serve import Address, JourneyServer

            JourneyServer(Address(host, port, url), tabs=tabs).serve(open_browser=open_browser)
    except OSError as e:
        import errno

        if e.errno in (errno.EADDRINUSE, errno.EACCES):
            print(words.message("serve_port_busy", port=port, other=port % 65535 + 1),
                  file=sys.stderr)
        else:
            from journey.store.private import reason

            print(words.message("serve_not_started", reason=reason(e)), file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _add_web() -> str:
    """The command that adds the web part to this very install of journey: pipx and uv keep
    each tool in an environment of its own, which a plain `pip install` would not reach."""
    from pathlib import Path

    wanted = f'"{DISTRIBUTION}[web]"'
    prefix = Path(sys.prefix)
    if (prefix / "pipx_metadata.json").exists():
        return f"pipx install --force {wanted}"
    if (prefix / "uv-receipt.toml").exists():
        return f"uv tool install --reinstall {wanted}"
    return f"pip install {wanted}"


def _examples(args: argparse.Namespace) -> int:
    from journey.cli import manage

    if not args.name:
        return manage.examples(_command())
    added = manage.add_example(_open_store(), args.name)
    if added is None:
        return 1
    if not args.open_it:
        from journey import content

        print(content.default().message("examples_open", command=f"{_command()} open {added}"))
        return 0
    return _run_app(journey_id=added, new=False, plain=getattr(args, "plain", False),
                    speak=getattr(args, "speak", False), theme=getattr(args, "theme", None))


def _command() -> str:
    """The command that starts journey again, as this one was started: `journey` only when
    that name on the PATH finds this same program."""
    import shutil
    from pathlib import Path

    started = Path(sys.argv[0])
    if started.name == "__main__.py":
        return f"{sys.executable} -m journey"
    found = shutil.which("journey")
    if found and started.exists() and Path(found).resolve() == started.resolve():
        return "journey"
    return str(started.resolve()) if started.exists() else "journey"


def _safe(text: str) -> str:
    if text.isprintable():  # no control characters, so no terminal codes: the usual case
        return text
    from journey.core.answers import clean

    return clean(text)

"""The `journey` command. Commands that show no screen never import Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journey import __version__

if TYPE_CHECKING:
    from journey.model import Journey
    from journey.store import Store

# The formats' names only: the renderers are imported when a file is made.
FORMATS = ("md", "txt", "html", "docx", "profile-md", "profile-html")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journey",
        description="Plan your own care and support, one question at a time.",
    )
    parser.add_argument("--version", action="version", version=f"journey {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", help="show saved journeys, most recent first")
    export = commands.add_parser("export", help="save a journey's plan as a file")
    export.add_argument("id", help="the journey's id, as shown by 'journey list'")
    export.add_argument(
        "--format", default="md", choices=[*FORMATS, "prep"],
        help="md, txt, html or docx: the plan; profile-md or profile-html: the one-page "
             "profile; prep: the assessment preparation sheet",
    )
    export.add_argument("--large-print", action="store_true",
                        help="bigger text (html, profile-html and docx)")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: screen)")
    export.add_argument("--no-attribution", dest="attributed", action="store_false",
                        help="leave out who said what")
    summary = commands.add_parser("summary", help="what happened in a sitting, for the file")
    summary.add_argument("id", help="the journey's id, as shown by 'journey list'")
    summary.add_argument("--sitting", type=int, help="which sitting (default: the latest)")
    summary.add_argument("-o", "--output", type=Path, help="file to write (default: screen)")
    check = commands.add_parser(
        "check", help="what the council would still need before agreeing the plan")
    check.add_argument("id", help="the journey's id, as shown by 'journey list'")
    resume = commands.add_parser("open", help="open a saved journey where it stopped")
    resume.add_argument("id")
    commands.add_parser("new", help="start a new journey")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from journey.content import ContentError
    from journey.store import StoreError

    try:
        if args.command == "list":
            return _list()
        if args.command == "export":
            return _export(args.id, args.format, args.output, args.large_print, args.attributed)
        if args.command == "summary":
            return _summary(args.id, args.sitting, args.output)
        if args.command == "check":
            return _check(args.id)
        return _run_app(journey_id=getattr(args, "id", None), new=args.command == "new")
    except (StoreError, ContentError) as e:
        print(f"journey: {e}", file=sys.stderr)
        return 1


def _open_store() -> Store:
    from journey import content
    from journey.store import Store, StoreError, data_home

    try:
        return Store()
    except StoreError as e:
        raise StoreError(
            content.default().message("error_data_dir", path=data_home(), reason=e)
        ) from None


def _list() -> int:
    from journey import content
    from journey.answers import show_moment

    summaries = _open_store().list()
    words = content.default()
    if not summaries:
        print(words.message("list_empty"))
        return 0
    rows = [tuple(words.message("list_columns").split("|"))]
    for s in summaries:
        rows.append((s.id, _safe(s.name or "…"), words.reached(s.step), show_moment(s.updated)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _load(journey_id: str, store: Store | None = None) -> Journey | None:
    """The saved journey, or None after telling the person there is no such journey."""
    from journey import content

    try:
        return (store or _open_store()).load(journey_id)
    except KeyError:
        message = content.default().message("error_no_journey", id=_safe(journey_id))
        print(message, file=sys.stderr)
        return None


def _export(journey_id: str, fmt: str, output: Path | None, large_print: bool,
            attributed: bool) -> int:
    from journey import content, plan, render

    words = content.default()
    journey = _load(journey_id)
    if journey is None:
        return 1
    if fmt == "prep":
        from journey import prep

        sheet = render.render_prep(prep.build(words, journey)).encode()
        return _write(sheet, output)
    if output is None and render.FORMATS[fmt].binary:
        print(words.message("export_needs_file", format=fmt), file=sys.stderr)
        return 1
    built = plan.build(words, journey, attributed=attributed)
    return _write(render.export(built, fmt, large_print), output)


def _summary(journey_id: str, sitting: int | None, output: Path | None) -> int:
    from journey import content, render
    from journey.summary import summarise

    journey = _load(journey_id)
    if journey is None:
        return 1
    words = content.default()
    count = len(journey.sittings())
    if sitting is not None and not 1 <= sitting <= count:
        print(words.message("error_no_sitting", number=sitting, count=count), file=sys.stderr)
        return 1
    return _write(render.render_summary(summarise(words, journey, sitting)).encode(), output)


def _write(data: bytes, output: Path | None) -> int:
    from journey import content

    words = content.default()
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from journey.private import write_private_bytes

    try:
        write_private_bytes(output, data)
    except OSError as e:
        print(words.message("export_failed", reason=e.strerror or e), file=sys.stderr)
        return 1
    print(words.message("exported", path=output))
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
    print(words.message("check_ready" if readiness.ready else "check_not_ready"))
    for finding in readiness.findings:
        where = words.message(
            "check_where", step=words.message("check_step", number=finding.step_number,
                                              title=finding.step_title)
            if finding.step_number else finding.step_title,
            question=finding.question_label,
        )
        label = "" if finding.blocks else words.message("check_worth_checking") + " "
        print(_safe(f"  - {label}{finding.text}\n    {where}"))
    return 0 if readiness.ready else 2


def _run_app(journey_id: str | None, new: bool) -> int:
    store = _open_store()
    journey = None
    if journey_id and (journey := _load(journey_id, store)) is None:
        return 1
    from journey.tui.app import JourneyApp

    JourneyApp(store, journey=journey, new=new).run()
    return 0


def _safe(text: str) -> str:
    from journey.answers import clean

    return clean(text)

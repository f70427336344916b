"""Command line: thin click commands over the library functions."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from . import __version__

console = Console(stderr=True, soft_wrap=True)  # progress and notices; results go to stdout
out = Console(soft_wrap=True)


class UserError(click.ClickException):
    """An expected failure: printed as one line, no traceback."""

    def show(self, file=None) -> None:
        click.echo(f"trainer: error: {self.message}", err=True)


def fail(message: str, code: int = 2) -> UserError:
    error = UserError(message)
    error.exit_code = code
    return error


def _options(*decorators):
    """Several click options as one decorator, so commands that share them say them alike."""
    def apply(command):
        for decorator in reversed(decorators):
            command = decorator(command)
        return command
    return apply


model_option = click.option("--model", type=click.Path(path_type=Path), default=None,
                            help="Pose model bundle (.task); default: find, download or build one.")
voice_options = _options(
    click.option("--voice", "voice_name", default=None, help="Speech voice (id or part of a name, e.g. en-us)."),
    click.option("--rate", type=int, default=None, help="Speech rate in words per minute."),
    click.option("--volume", type=click.FloatRange(0, 1), default=None, help="Speech volume, 0 to 1."),
    click.option("--rep-numbers", type=click.Choice(["speak", "tone", "off"]), default="speak",
                 show_default=True, help="Say each rep's number, play a tone, or neither."))
camera_options = _options(
    click.option("--camera", default="0", show_default=True,
                 help="Webcam index, or a video file played at its real frame rate."),
    click.option("--no-window", is_flag=True, help="Show no window (it is never shown without a display)."))

db_option = click.option("--db", type=click.Path(path_type=Path), default=None,
                         help="History database (default: history.sqlite3 in the user's data folder).")
history_options = _options(
    db_option,
    click.option("--no-history", is_flag=True, help="Do not store this session in the workout history."))


def _session_log(db: Path | None, no_history: bool, kind: str, source: str):
    """Where this session's reps go as they are judged (None with --no-history, or when the
    history cannot be opened: one note, and the session goes on)."""
    if no_history:
        return None
    from .history.session_log import SessionLog

    return SessionLog.open(db, kind, source, warn=lambda note: console.print(note, highlight=False))


@click.group()
@click.version_option(__version__, prog_name="trainer")
def cli() -> None:
    """trainer: a pose-checking home form coach for a runner's leg and glute routine."""


def _resolve_model(model: Path | None):
    from .io.model_store import ModelError, resolve_model
    try:
        return resolve_model(model, progress=lambda msg: console.print(f"[dim]{msg}[/dim]"))
    except ModelError as exc:
        raise fail(str(exc)) from None


@cli.command()
@click.argument("video", type=click.Path(path_type=Path))
@click.option("--exercise", "exercise_id", default="auto", show_default=True,
              help="Exercise id (see `trainer exercises`), or auto to recognise it from the video.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default: out/<video name>).")
@model_option
@click.option("--no-video", is_flag=True, help="Skip writing the annotated video.")
@click.option("--no-voice", is_flag=True, help="No spoken-cue audio track.")
@click.option("--report", is_flag=True,
              help="Also write report.html (tables, plots, pictures) with report.json and CSV files.")
@voice_options
@history_options
def analyze(video: Path, exercise_id: str, out_dir: Path | None, model: Path | None, no_video: bool,
            no_voice: bool, report: bool, voice_name: str | None, rate: int | None, volume: float | None,
            rep_numbers: str, db: Path | None, no_history: bool) -> None:
    """Analyze a recorded VIDEO: count reps, check form, write an annotated video and analysis.json.

    Without --exercise the exercise is recognised from the poses first (printed and kept in
    analysis.json); when that is unsure you are asked to pass --exercise.

    Example: trainer analyze squat.mp4 --exercise goblet_squat --out results/
    """
    from .analysis import analyze_video, estimate_poses
    from .arbiter import ArbiterSettings
    from .exercises import get_exercise
    from .io.speech import VoiceSettings
    from .io.model_store import ModelError
    from .io.video import VideoError, VideoSource

    try:
        if exercise_id != "auto":
            get_exercise(exercise_id)
        source = VideoSource(video)  # a bad file is reported before any model work
    except KeyError as exc:
        raise fail(exc.args[0]) from None
    except VideoError as exc:
        raise fail(str(exc)) from None
    out_dir = out_dir or Path("out") / video.stem
    info = _resolve_model(model)
    poses = recognition = None
    try:
        if exercise_id == "auto":
            with _frame_progress("finding the exercise") as on_frame:
                poses = estimate_poses(source, info, on_frame)
            recognition = _recognised(poses, video)
            exercise_id, source = recognition.exercise, VideoSource(video)
        history = _session_log(db, no_history, "analysis", str(video))
        with _frame_progress("analyzing") as on_frame, _history_kept(history) as ending:
            analysis = analyze_video(source, exercise_id, out_dir, info, write_video=not no_video,
                                     speak=not no_voice, speech=ArbiterSettings(rep_numbers=rep_numbers),
                                     voice=VoiceSettings(voice_name, rate, volume),
                                     on_frame=on_frame, poses=poses, recognition=recognition,
                                     report=report, history=history)
            ending.update(duration_s=analysis.engine.stats.total / max(source.info.fps, 1e-9),
                          report=analysis.report_path)
    except (VideoError, ModelError) as exc:
        raise fail(str(exc)) from None
    _print_summary(analysis)
    if analysis.engine.stats.no_person == analysis.engine.stats.total:
        raise fail(f"{video}: no person was found in any frame; nothing to analyze", code=3)


@contextmanager
def _history_kept(history):
    """Close an analysis's history session: "finished", or how it failed. Yields a dict the
    caller fills with ``duration_s`` and ``report``."""
    ending = {"duration_s": 0.0, "report": None}
    status = "finished"
    try:
        yield ending
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    except BaseException as exc:
        status = f"failed: {exc}"
        raise
    finally:
        if history is not None:
            history.finish(status, ending["duration_s"], ending["report"])


@contextmanager
def _frame_progress(label: str):
    """A transient progress bar; yields the ``on_frame(done, total)`` callback."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), TextColumn("{task.completed}/{task.total} frames"),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total or None)


def _recognised(poses, video: Path):
    """The recognised exercise, announced; a one-line error asking for --exercise if unsure."""
    from .analysis import recognize_exercise
    from .exercises import get_exercise

    try:
        found = recognize_exercise(poses)
    except ValueError as exc:
        raise fail(f"{exc}; pass --exercise ID") from None
    if not any(p.has_person for p in poses):
        raise fail(f"{video}: no person was found in any frame; nothing to analyze", code=3)
    if found.exercise is None:
        guess = f" (best guess {found.guess}, confidence {found.confidence:.2f})" if found.guess else ""
        raise fail(f"could not tell which exercise this is: {found.reason}{guess}; "
                   "pass --exercise ID (see `trainer exercises`)")
    out.print(f"recognised: {get_exercise(found.exercise).name.lower()} (confidence "
              f"{found.confidence:.2f}; runner-up {found.runner_up} {found.runner_up_confidence:.2f})",
              highlight=False)
    return found


def _print_summary(analysis) -> None:
    data = analysis.to_json()
    table = Table(title=f"{data['exercise']}: {data['summary']['reps']} reps")
    for column in ("rep", "side", "start s", "turn s", "end s", "view", "cues"):
        table.add_column(column)
    for rep in data["reps"]:
        table.add_row(str(rep["index"]), rep["side"], f"{rep['start_s']:.2f}", f"{rep['turn_s']:.2f}",
                      f"{rep['end_s']:.2f}", rep["view"] or "-", ", ".join(rep["cues"]) or "ok")
    out.print(table)
    for note in data["advice"]:
        out.print(f"note: {note}")
    voice = analysis.voice
    if voice:
        for start, utterance in voice.utterances:
            if utterance.kind == "cue":
                out.print(f"coach at {start:5.1f} s: {utterance.text}", highlight=False)
        if voice.notice:
            out.print(f"note: {voice.notice}; the cues above are not spoken")
        for note in voice.notes:
            out.print(f"note: {note}")
    if analysis.truncated or analysis.decode_error:
        out.print(f"note: the video ended early after {data['video']['frames']} frames "
                  "(truncated or corrupt); results cover the frames that decoded")
    written = [analysis.json_path, analysis.annotated_video, voice.audio if voice else None,
               analysis.report_path]
    out.print("wrote " + ", ".join(str(p) for p in written if p))


@cli.command()
@click.option("--exercise", "exercise_id", required=True, help="Exercise id (see `trainer exercises`).")
@camera_options
@click.option("--no-voice", is_flag=True, help="Print and show the cues instead of speaking them.")
@voice_options
@model_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out/live"),
              show_default=True, help="Folder for session.json.")
@click.option("--max-seconds", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Stop after this many seconds.")
@history_options
def live(exercise_id, camera, no_window, no_voice, voice_name, rate, volume, rep_numbers, model,
         out_dir, max_seconds, db, no_history) -> None:
    """Coach one exercise live from a webcam: counts reps, speaks form cues, saves session.json.

    Keys in the window: p pause, s skip, m mute, q or Esc quit.

    Example: trainer live --exercise goblet_squat --camera 0
    """
    from .arbiter import ArbiterSettings
    from .exercises import get_exercise
    from .io.camera import CameraError, CameraSource
    from .io.model_store import ModelError
    from .io.speech import VoiceSettings
    from .live import run_live

    try:
        get_exercise(exercise_id)
        source = CameraSource(camera)   # a bad camera or file is reported before any model work
    except KeyError as exc:
        raise fail(exc.args[0]) from None
    except CameraError as exc:
        raise fail(str(exc)) from None
    with source:
        info = _resolve_model(model)
        try:
            session = run_live(exercise_id, source, info.path, out_dir=out_dir, window=not no_window,
                               speech=ArbiterSettings(rep_numbers=rep_numbers),
                               voice=VoiceSettings(voice_name, rate, volume), no_voice=no_voice,
                               max_seconds=max_seconds, print_cue=lambda text: out.print(text, highlight=False),
                               history=_session_log(db, no_history, "live", source.name))
        except ModelError as exc:
            raise fail(str(exc)) from None
    holds = len(session.holds)
    done = _counted(len(session.reps), "rep") + (f" and {_counted(holds, 'hold')}" if holds else "")
    summary = _ending_line(session, done, session.clean_end)
    if not session.frames_with_person:
        raise fail(f"no person was seen in any frame; saved to {session.path}", code=3)
    out.print(summary, highlight=False)


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _ending_line(record, done: str, clean: bool) -> str:
    """How a live session or workout ended, what was done in it and where it is saved; raised
    as the error (exit 130 after Ctrl-C, 3 otherwise) when it did not end cleanly."""
    summary = (f"{record.ended}; {done} in {record.duration_s:.0f} s, saved to {record.path}"
               + (f" and {record.report_path}" if record.report_path else ""))
    if not clean:
        raise fail(summary, code=130 if record.ended == "interrupted" else 3)
    return summary


@cli.command()
@click.option("--routine", "routine_file", type=click.Path(path_type=Path), default=None,
              help="Routine TOML file; default: the runner's leg and glute routine.")
@click.option("--only", "only_phase", default=None, help="Run only this phase (e.g. main).")
@click.option("--start-at", default=None, help="Start at this exercise id (e.g. goblet_squat).")
@camera_options
@click.option("--no-voice", is_flag=True, help="Print and show the announcements and cues instead of speaking them.")
@voice_options
@model_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out/workout"),
              show_default=True, help="Folder for workout.json.")
@history_options
def workout(routine_file, only_phase, start_at, camera, no_window, no_voice, voice_name, rate, volume,
            rep_numbers, model, out_dir, db, no_history) -> None:
    """Coach a whole routine by voice: announces each exercise, counts sets, sides and holds,
    times the rests, saves workout.json.

    Keys in the window: p pause, s skip the rest or the exercise, m mute, q or Esc quit.

    Example: trainer workout --only main --camera 0
    """
    from .arbiter import ArbiterSettings
    from .io.camera import CameraError, CameraSource
    from .io.model_store import ModelError
    from .io.speech import VoiceSettings
    from .routine import DEFAULT_ROUTINE, RoutineError, load_routine
    from .workout_session import CLEAN_ENDINGS, run_workout

    try:
        routine = load_routine(routine_file or DEFAULT_ROUTINE)
        routine.exercises(only_phase, start_at)
        source = CameraSource(camera)
    except (RoutineError, CameraError) as exc:
        raise fail(str(exc)) from None
    with source:
        info = _resolve_model(model)
        try:
            record = run_workout(routine, source, info.path, out_dir=out_dir, only_phase=only_phase,
                                 start_at=start_at, window=not no_window,
                                 speech=ArbiterSettings(rep_numbers=rep_numbers),
                                 voice=VoiceSettings(voice_name, rate, volume), no_voice=no_voice,
                                 print_cue=lambda text: out.print(text, highlight=False),
                                 history=_session_log(db, no_history, "workout", source.name))
        except ModelError as exc:
            raise fail(str(exc)) from None
    done = _counted(sum(log.complete for log in record.coach.sets), "set") + " done"
    out.print(_ending_line(record, done, record.ended in CLEAN_ENDINGS), highlight=False)


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the rule catalogue as Markdown.")
def exercises(markdown: bool) -> None:
    """List the exercises and their form cues."""
    from .exercises import EXERCISES

    if markdown:
        click.echo(catalogue_markdown())
        return
    for exercise in EXERCISES.values():
        click.echo(f"{exercise.id}: {exercise.name} ({exercise.summary})")
        for rule in exercise.rules:
            views = "/".join(sorted(str(v) for v in rule.views))
            click.echo(f"  - {rule.id} [{views}]: \"{rule.cue}\"")


def catalogue_markdown() -> str:
    """The rule catalogue, generated from the exercise modules themselves."""
    from .exercises import EXERCISES

    lines = ["# Exercises and form rules", "",
             "Generated by `trainer exercises --markdown` from the modules in `trainer/exercises/`.", ""]
    for exercise in EXERCISES.values():
        counted = "hold timer" if exercise.hold else "reps per leg" if exercise.unilateral else "reps"
        views = ", ".join(sorted(str(v) for v in exercise.best_views))
        lines += [f"## {exercise.name} (`{exercise.id}`)", "",
                  f"{exercise.summary}. Counts: {counted}. Best camera view: {views}.", "",
                  "| rule | cue (spoken) | measures | fault when | why this limit | view | phase |",
                  "|---|---|---|---|---|---|---|"]
        for rule in exercise.rules:
            rule_views = ", ".join(sorted(str(v) for v in rule.views))
            lines.append(f"| `{rule.id}` | {rule.cue} | {rule.measures} | {rule.fault_when} "
                         f"{rule.limit:g} {rule.unit} | {rule.why} | {rule_views} | {rule.phase} |")
        lines.append("")
    return "\n".join(lines)


@cli.command()
@click.option("--model", type=click.Path(path_type=Path), default=None, help="Check this bundle instead.")
def models(model: Path | None) -> None:
    """Show which pose model is in use and where it came from (provisions one if needed)."""
    from .io.model_store import describe_models

    info = _resolve_model(model)
    out.print(f"in use: {info.path}")
    out.print(f"  source: {info.description}")
    out.print(f"  sha256: {info.sha256}")
    for entry in describe_models(info.path.parent):
        problem = f", problem: {entry['problem']}" if entry["problem"] else ""
        out.print(f"found: {entry['name']} ({entry['size_bytes']} bytes, checksum {entry['checksum']}, "
                  f"{entry['source_text']}{problem})")


@cli.command()
@click.option("--exercise", "exercise_id", required=True,
              help="Routine exercise id to perform, or a variant of one (calf_raise).")
@click.option("--view", default="side", show_default=True,
              help="front, side, side_right, oblique, back, or a camera yaw in degrees.")
@click.option("--reps", type=int, default=None, help="Reps per side (default: a short set).")
@click.option("--fault", "faults", multiple=True,
              help="Inject a form fault on a rep, e.g. shallow_depth@3 (repeatable or comma-separated).")
@click.option("--body", "body_type", default="average", show_default=True, help="Body type.")
@click.option("--side", default=None, help="Working side for one-sided exercises: left or right.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--fps", type=int, default=30, show_default=True)
@click.option("--size", default="854x480", show_default=True, help="WIDTHxHEIGHT.")
@click.option("--noise", type=float, default=0.0, show_default=True, help="Camera noise, 0 to 1.")
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path), required=True,
              help="Output .mp4; the labels go beside it as .json.")
def synth(exercise_id, view, reps, faults, body_type, side, seed, fps, size, noise, out_path) -> None:
    """Render a synthetic person doing an exercise, with exact ground-truth labels.

    Example: trainer synth --exercise goblet_squat --view side --reps 5 --fault shallow_depth@3 -o out.mp4
    """
    from .synth import generate_clip, parse_fault_spec

    try:
        width, height = (int(v) for v in size.lower().split("x"))
        fault_map = parse_fault_spec(",".join(faults)) if faults else None
        view_arg = float(view) if view.lstrip("-").replace(".", "", 1).isdigit() else view
        labels = generate_clip(exercise_id, view=view_arg, reps=reps, faults=fault_map, out=out_path,
                               seed=seed, body_type=body_type, fps=fps, width=width, height=height,
                               side=side, noise=noise)
    except ValueError as exc:
        raise fail(str(exc).splitlines()[0]) from None
    click.echo(f"wrote {out_path} and {labels}")


@cli.command(name="eval")
@click.option("--exercise", "exercise_ids", multiple=True, help="Only these exercises (repeatable).")
@click.option("--quick", is_flag=True, help="One body type instead of three.")
@click.option("--real/--no-real", default=True, show_default=True, help="Also score ../shared/videos.")
@click.option("--videos", type=click.Path(path_type=Path), default=Path("../shared/videos"), show_default=True)
@click.option("--cache", type=click.Path(path_type=Path), default=Path("out/eval-cache"), show_default=True,
              help="Generated clips and their poses are kept here between runs.")
def evaluate(exercise_ids, quick, real, videos, cache) -> None:
    """Score every exercise module on generated clips (exact truth) and labelled real clips."""
    from .evaluate import BODY_TYPES, evaluate_real, evaluate_synthetic, unjudged_faults
    from .exercises import EXERCISES
    from .synth import EXERCISES as SYNTH

    info = _resolve_model(None)
    chosen = [e for e in (exercise_ids or EXERCISES) if e in SYNTH and e in EXERCISES]
    bodies = BODY_TYPES[:1] if quick else BODY_TYPES
    with console.status("") as status:
        synthetic = evaluate_synthetic(chosen, info.path, cache, bodies, lambda m: status.update(m))
    _print_synthetic(synthetic, chosen)
    unjudged = unjudged_faults(chosen)
    if unjudged:
        out.print("faults the generator injects that no rule judges from the routine's views: "
                  + ", ".join(unjudged))
    if real and (videos / "labels.json").exists():
        with console.status("") as status:
            scored = evaluate_real(videos, info.path, cache, lambda m: status.update(m))
        mae = sum(scored.errors) / max(1, scored.rows)
        out.print(f"real clips: rep count right on {scored.right}/{scored.rows} "
                  f"({100 * scored.right / max(1, scored.rows):.0f}%, goal 90%), MAE {mae:.2f} (goal 0.15)")
        out.print(f"real clips labelled with a form issue, flagged with a cue for it: "
                  f"{scored.faulty_flagged}/{len(scored.faulty)}")
        for file, cues, wanted in scored.faulty:
            out.print(f"  {file}: cues {cues}, issue means {sorted(wanted)}", highlight=False)
        out.print(f"real clips labelled correct that drew a cue: {scored.correct_cued}/"
                  f"{len(scored.correct)} (goal <= 2)")
        for note in scored.notes:
            out.print(f"  {note}", highlight=False)
    from .recognize_eval import recognition_report
    with console.status("") as status:
        lines = recognition_report(chosen, info.path, cache, bodies,
                                   videos if real and (videos / "labels.json").exists() else None,
                                   lambda m: status.update(m))
    for line in lines:
        out.print(line, highlight=False)


def _print_synthetic(score, chosen) -> None:
    out.print(f"generated clips: {score.clips} over {len(chosen)} exercises; "
              f"counts exact on {score.exact}/{score.clips}")
    table = Table(title="fault recall on generated clips (goal >= 0.95 per fault)")
    for column in ("fault", "caught", "recall"):
        table.add_column(column)
    for fault, (hit, total) in sorted(score.recall.items()):
        table.add_row(fault, f"{hit}/{total}", f"{hit / total:.2f}")
    out.print(table)
    out.print(f"false cues on clean reps: {score.clean_cued}/{score.clean_reps} "
              f"({100 * score.clean_cued / max(1, score.clean_reps):.1f}%, goal <= 5%)")
    if score.hold_errors_s:
        out.print(f"hold timing error: worst {max(score.hold_errors_s):.2f} s (goal <= 1 s)")
    for miss in score.misses:
        out.print(f"  {miss}", highlight=False)


@contextmanager
def _history_errors():
    """History problems as one line: exit 1 when nothing is recorded, 2 for an unusable file."""
    from .history import EmptyHistory, HistoryError
    try:
        yield
    except EmptyHistory as exc:
        raise fail(str(exc), code=1) from None
    except HistoryError as exc:
        raise fail(str(exc)) from None


@cli.command()
@click.option("--exercise", "exercise_id", default=None,
              help="Show this exercise's trend per session and, if one-sided, its left/right balance.")
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), default=None,
              help="Export the reps to this CSV file (sessions go beside it as <name>_sessions.csv).")
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True,
              help="Show at most this many latest sessions.")
@db_option
def history(exercise_id, csv_path, limit, db) -> None:
    """List recorded sessions, or one exercise's trend. Exits 1 when nothing is recorded."""
    from .history.show import show_history

    with _history_errors():
        show_history(db, out, exercise_id, limit, csv_path)


@cli.command()
@click.option("--out", "out_path", type=click.Path(path_type=Path), default=Path("out/progress.html"),
              show_default=True, help="HTML file to write.")
@db_option
def progress(out_path, db) -> None:
    """Write the HTML progress report (volume, range of motion, tempo, left/right balance)."""
    from .history.progress import write_report

    with _history_errors():
        out.print(write_report(db, out_path), highlight=False)


def main() -> None:
    from .io.quiet import keep_native_logs_off_the_terminal

    keep_native_logs_off_the_terminal()
    cli(prog_name="trainer")


if __name__ == "__main__":
    sys.exit(main())

"""Command line: train, evaluate and predict without the window (python -m desktop_app.cli --help).

Exit status: 0 success, 2 bad input (one line on stderr saying what to fix), 1 anything else.
With --json, stdout's last line is one JSON object (or list, for predict).
"""

import argparse
import json
import sys
import time
import traceback
from pathlib import Path
from dataclasses import asdict

from . import __version__
from .core.errors import Cancelled, UserError
from .core.limits import EPOCHS, FINE_TUNE_EPOCHS, LEARNING_RATE, SEED, THRESHOLD, TOP_K, Limit
from .core.models.confidence import not_sure_words, threshold_words
from .core.i18n import tr
from .core.progress import Phase, PhaseClocks, Stage, drive, time_left_words
from .core.percent import percent, share_with_range

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class StderrProgress:
    """Progress for people watching a terminal: a live line on a TTY, sparse plain lines in logs."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._last_line = 0.0
        self._remaining = PhaseClocks()

    def _write(self, text: str) -> None:
        self.stream.write(("\r\x1b[K" + text) if self.tty else text + "\n")
        self.stream.flush()

    def on_stage(self, stage: Stage) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(tr("{stage}...", stage=stage.words) + "\n")
        self.stream.flush()

    def on_progress(self, phase: Phase, done: int, total: int) -> None:
        left = self._remaining.update(phase, done, total)
        now = time.monotonic()
        if not total or (not self.tty and done < total and now - self._last_line < 5):
            return
        self._last_line = now
        words, percent = phase.words, 100 * done // total
        if left is None:
            line = tr("{phase}: {done}/{total} ({percent}%)", phase=words, done=done, total=total, percent=percent)
        else:
            line = tr("{phase}: {done}/{total} ({percent}%, {time_left})", phase=words, done=done, total=total,
                      percent=percent, time_left=time_left_words(left))
        self._write("  " + line)
        if self.tty and done == total:
            self.stream.write("\n")

    def on_epoch_end(self, m) -> None:
        if m.phase == Phase.HEAD and m.epoch % 10 and m.epoch != m.epochs:
            return
        if m.val_accuracy is None:
            line = tr("{phase} {epoch}/{epochs}: right {accuracy} of training pictures (error {loss:.3f})",
                      phase=m.phase.words, epoch=m.epoch, epochs=m.epochs, accuracy=percent(m.accuracy, 1), loss=m.loss)
        else:
            line = tr("{phase} {epoch}/{epochs}: right {accuracy} of training pictures (error {loss:.3f}), "
                      "{val_accuracy} of held-out pictures (error {val_loss:.3f})", phase=m.phase.words,
                      epoch=m.epoch, epochs=m.epochs, accuracy=percent(m.accuracy, 1), loss=m.loss,
                      val_accuracy=percent(m.val_accuracy, 1), val_loss=m.val_loss)
        line = "  " + line
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self.stream.flush()


def _skipped(items) -> list[dict]:
    return [{"path": s.path, "reason": s.reason} for s in items]


def _print_skipped(items) -> None:
    if items:
        print(tr("Skipped %n file(s):", "", len(items)), file=sys.stderr)
        for s in items:
            print("  " + tr("{path}: {reason}", path=s.path, reason=s.reason), file=sys.stderr)


def _cmd_train(args) -> dict:
    from .core.atomic import claimed
    from .core.networks.backbones import check_image_size, get_backbone, locate_weights
    from .core.models.bundle import model_path_for
    from .core.networks.network_choice import BEST

    if args.backbone == BEST:
        if args.image_size is not None:
            raise UserError(tr("--image-size needs a network named with --backbone: with '{best}' each network "
                               "looks at its own picture size.", best=BEST))
    else:
        backbone = get_backbone(args.backbone)
        locate_weights(backbone)  # before scanning: a missing backbone is found at once
        if args.image_size is not None:
            check_image_size(backbone, args.image_size)
    # Where the model goes, whether it can be written there, and that no other run is writing it, before any
    # photo is looked at.
    out = model_path_for(args.out, Path(args.data).resolve().stem or "model")
    with claimed(out):
        result, devices = _train_into(out, args)
    return _print_trained(result, devices)


def _train_into(out: Path, args) -> tuple:
    """(the TrainingResult, how many devices trained)."""
    from .core.data.dataset import health_report
    from .core.data.project import open_dataset
    from .core.tf_runtime import compute_words, gpu_names, mirrored_strategy
    from .core.training.trainer import TrainingConfig, train

    index = open_dataset(args.data)
    for problem in health_report(index).problems:
        print(tr("Note: {text}", text=problem), file=sys.stderr)
    config = TrainingConfig(backbone=args.backbone, image_size=args.image_size, epochs=args.epochs,
                            learning_rate=args.learning_rate,
                            fine_tune_layers=args.fine_tune_layers,
                            fine_tune_epochs=args.fine_tune_epochs, augment=not args.no_augment, seed=args.seed)
    gpus = gpu_names()
    print(compute_words(gpus), file=sys.stderr)
    strategy = mirrored_strategy() if args.all_gpus else None
    if args.all_gpus and strategy is None:
        print(tr("Note: --all-gpus splits the work between two or more GPUs; TensorFlow sees {n}, so training "
                 "runs as usual.", n=len(gpus)), file=sys.stderr)
    return train(index, out, config, StderrProgress(), strategy=strategy), \
        strategy.num_replicas_in_sync if strategy else 1


def _print_trained(result, devices: int) -> dict:
    _print_skipped(result.skipped)
    for note in result.notes:
        print(tr("Note: {text}", text=note), file=sys.stderr)
    fields = dict(path=result.model_path, seconds=round(result.seconds), rule=threshold_words(result.threshold))
    if result.val_accuracy is None:
        print(tr("Saved {path} ({seconds} s; too few pictures to measure how often it is right; it {rule}).",
                 **fields))
    elif result.fine_tuned:
        print(tr("Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, the top of the network "
                 "fine-tuned; it {rule}).", "", result.val_count,
                 accuracy=share_with_range(result.val_accuracy, result.val_count, 1), **fields))
    else:
        print(tr("Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, new output layer only; "
                 "it {rule}).", "", result.val_count,
                 accuracy=share_with_range(result.val_accuracy, result.val_count, 1), **fields))
    if result.report_path:
        print(tr("Training report: {path}", path=result.report_path))
    return {"model": str(result.model_path), "classes": result.classes, "counts": result.counts,
            "val_accuracy": result.val_accuracy, "fine_tuned": result.fine_tuned, "threshold": result.threshold,
            "report": str(result.report_path) if result.report_path else None,
            "embeddings_computed": result.embeddings_computed, "skipped": _skipped(result.skipped),
            "seconds": round(result.seconds, 2), "devices": devices,
            "network_choice": result.network_choice.as_dict() if result.network_choice else None}


def _cmd_evaluate(args) -> dict:
    from .core.models.advice import advise
    from .core.models.evaluation import evaluate

    from .core.models.prediction import Predictor

    predictor = Predictor(args.model, quick=True)
    ev = evaluate(predictor, args.data, StderrProgress())
    _keep_quick_copy(predictor, args.model)
    _print_skipped(ev.skipped)
    if ev.left_out or ev.missing:
        print(tr("Note: {text}", text=ev.class_mismatch_words()), file=sys.stderr)
    if ev.overlap_with_training:
        print(tr("Warning: the model was trained on %n of these photos, so this accuracy looks better than it "
                 "will be on new photos.", "", ev.overlap_with_training), file=sys.stderr)
    sure = ev.at_threshold()
    print(tr("Judged the pictures in {folder}.", folder=ev.judged))
    print(tr("Right on {accuracy} of %n image(s).", "", ev.n, accuracy=share_with_range(ev.accuracy, ev.n, 1)))
    if sure.accuracy is None:
        print(tr("The model {rule}: no image gets an answer.", rule=threshold_words(ev.threshold)))
    else:
        print(tr("The model {rule}: {coverage} of images get an answer, {accuracy} of them right.",
                 rule=threshold_words(ev.threshold), coverage=share_with_range(sure.coverage, ev.n, 1),
                 accuracy=share_with_range(sure.accuracy, sure.answered, 1)))
    width = max(len(c) for c in ev.classes)
    # The words outside the f-string: pyside6-lupdate does not look inside one, so they were never translated.
    header = [tr("class"), tr("precision"), tr("recall"), tr("F1"), tr("pictures")]
    widths = [max(width, len(header[0]))] + [max(len(h), 6) for h in header[1:]]
    print("  ".join(f"{h:<{w}}" for h, w in zip(header, widths, strict=True)))
    for c, m in ev.per_class.items():
        cells = [c, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.support)]
        print("  ".join(f"{v:<{w}}" for v, w in zip(cells, widths, strict=True)))
    print(tr("Confusion matrix (rows: true class, columns: what the model said):"))
    for c, row in zip(ev.classes, ev.confusion_matrix, strict=True):
        print(f"{c:<{width}}  " + " ".join(f"{v:5d}" for v in row))
    advice = advise(ev, predictor.metadata.dataset.train_counts, predictor.metadata.learning_curve)
    if advice:
        print(tr("To improve this model:"))
        for a in advice:
            print(f"- {a.words}")
    return {"accuracy": ev.accuracy, "n": ev.n, "classes": ev.classes, "confusion_matrix": ev.confusion_matrix,
            "advice": [{"class": a.label, "words": a.words} for a in advice],
            "threshold": ev.threshold, "answered": sure.coverage, "accuracy_answered": sure.accuracy,
            "per_class": {c: asdict(m) for c, m in ev.per_class.items()}, "skipped": _skipped(ev.skipped),
            "overlap_with_training": ev.overlap_with_training, "left_out_classes": ev.left_out,
            "missing_classes": ev.missing}


def _cmd_info(args) -> dict:
    from .core.data.project import PROJECT_SUFFIX

    path = Path(args.path)
    if path.is_file() and path.suffix != PROJECT_SUFFIX:
        return _model_info(path)
    return _dataset_info(path)


def _model_info(path: Path) -> dict:
    from .core.models.info import ModelInfo

    info = ModelInfo.read(path)
    print(tr("Model {name}: {classes}", name=info.name, classes=", ".join(info.classes)))
    print(tr("Network {network}, pictures of {size} px; it {rule}.", network=info.backbone, size=info.image_size,
             rule=threshold_words(info.threshold)))
    if info.val_accuracy is not None and info.val_count:
        print(tr("Right on {accuracy} of %n held-out pictures.", "", info.val_count,
                 accuracy=share_with_range(info.val_accuracy, info.val_count, 1)))
    if info.dataset_root:
        print(tr("Trained on the photos in {folder}.", folder=info.dataset_root))
    return {"model": str(path), "classes": list(info.classes), "backbone": info.backbone,
            "image_size": info.image_size, "threshold": info.threshold, "val_accuracy": info.val_accuracy,
            "val_count": info.val_count, "fine_tuned": info.fine_tuned, "dataset": info.dataset_root,
            "counts": info.counts, "created": info.created.isoformat() if info.created else None}


def _dataset_info(path: Path) -> dict:
    """What a folder or project holds, and every folder it reads photos from (a project file names them)."""
    from .core.data.project import PROJECT_SUFFIX, Project

    project = Project.load(path) if path.suffix == PROJECT_SUFFIX else Project.from_folder(path)
    index = project.read()
    print(tr("{name} reads the photos in:", name=project.name))
    for folder in project.sources:
        print("  " + (folder if Path(folder).is_dir() else tr("{folder} (not found)", folder=folder)))
    if project.added:
        print(tr("and %n added photo(s), copies kept in {folder}", "", len(project.added),
                 folder=", ".join(project.copies_folders())))
    counts = index.counts()
    for name, n in counts.items():
        print("  " + tr("{name}: %n picture(s)", "", n, name=name))
    for split, words in (("validation", tr("Its validation folder: %n picture(s)", "", len(index.validation))),
                         ("test", tr("Its test folder: %n picture(s)", "", len(index.test)))):
        if getattr(index, split):
            print(words)
    if project.excluded:
        print(tr("Left out: %n picture(s)", "", len(project.excluded)))
    _print_skipped(index.skipped)
    for warning in index.warnings:
        print(tr("Note: {text}", text=warning), file=sys.stderr)
    return {"name": project.name, "sources": project.sources, "added": len(project.added),
            "copies_folders": project.copies_folders(), "counts": counts, "left_out": len(project.excluded),
            "skipped": _skipped(index.skipped)}


def _cmd_predict(args) -> list:
    from .core.models.prediction import Prediction, Predictor
    from .core.models.results_csv import write_predictions_csv

    predictor = Predictor(args.model, args.threshold, quick=True)
    results = predictor.predict(args.paths, StderrProgress())
    if not results:
        raise UserError(tr("No image files were found in the given paths."))
    if args.csv:
        write_predictions_csv(results, predictor.classes, args.csv)
        print(tr("Wrote {path}.", path=args.csv), file=sys.stderr)
    out = []
    for r in results:
        if isinstance(r, Prediction):
            top = ", ".join(f"{c} {percent(p)}" for c, p in r.top(args.top_k))
            answer = r.label if r.sure else not_sure_words(r.label, r.confidence, predictor.threshold)
            print(f"{r.path}: {answer} ({top})")
            out.append({"path": r.path, "label": r.label, "sure": r.sure, "confidence": r.confidence,
                        "probabilities": r.probabilities})
        else:
            print(tr("{path}: cannot predict: {reason}", path=r.path, reason=r.error))
            out.append({"path": r.path, "error": r.error})
    if not any(isinstance(r, Prediction) for r in results):
        raise UserError(tr("No file could be read as an image ({n} tried; reasons above).", n=len(results)))
    _keep_quick_copy(predictor, args.model)
    return out


def _cmd_sort(args) -> dict:
    from .core.models.prediction import Predictor
    from .core.models.sorting import sort_photos

    predictor = Predictor(args.model, args.threshold, quick=True)
    progress = StderrProgress()
    answers = predictor.predict(args.paths, progress)
    if not answers:
        raise UserError(tr("No image files were found in the given paths."))
    steps = sort_photos(answers, args.into, move=args.move)
    result = drive(steps, lambda step: progress.on_progress(Phase.SORT, *step))
    print(result.words())
    for photo, why in result.unreadable:
        print(tr("{path}: left where it is: {reason}", path=photo, reason=why), file=sys.stderr)
    print(tr("What went where: {record}. To undo: finetune-studio undo-sort \"{folder}\"", record=result.record,
             folder=result.dest))
    _keep_quick_copy(predictor, args.model)
    return {"into": str(result.dest), "record": str(result.record), "moved": result.moved,
            "per_class": dict(result.per_folder), "left": [{"path": p, "reason": r} for p, r in result.unreadable]}


def _cmd_undo_sort(args) -> dict:
    from .core.models.sorting import undo_sort

    undone = undo_sort(args.folder)
    print(undone.words())
    for path, why in undone.kept:
        print(tr("{path}: left as it is: {reason}", path=path, reason=why), file=sys.stderr)
    return {"restored": undone.restored, "kept": [{"path": p, "reason": r} for p, r in undone.kept]}


def _keep_quick_copy(predictor, model: str) -> None:
    """After a call that had to load TensorFlow to run the model, keep its TFLite copy, so the next call on
    it does not (once per model)."""
    from .core.models import tflite

    if predictor.bundle is None or not tflite.litert_installed():
        return
    print(tr("Keeping a quick copy of this model, so the next call on it starts without TensorFlow (once per "
             "model, some seconds)…"), file=sys.stderr)
    try:
        kept = tflite.keep_copy(predictor.bundle, model)
    except Exception as exc:  # the answers are given; a converter's failure must not turn them into an error
        problem = (str(exc) or type(exc).__name__).splitlines()[0]
        print(tr("Note: {text}", text=tr("no quick copy could be made: {problem}", problem=problem)), file=sys.stderr)
        return
    if kept is None:
        print(tr("Note: {text}", text=tr("the quick copy did not give the model's answers, so it was not kept.")),
              file=sys.stderr)


def _cmd_export(args) -> list:
    from pathlib import Path

    from .core.models.bundle import read_metadata
    from .core.models.export import export_model

    images = args.images
    if not images:  # the photos the model was trained on, when they are still there
        root = read_metadata(args.model).dataset.root
        if not root or not Path(root).is_dir():
            raise UserError(tr("Exports are checked on real images: give some with --images (files or folders)."))
        images = [root]
    out_dir = args.out or Path(args.model).with_name(Path(args.model).stem + " exports")
    out = []
    for fmt in args.format:
        r = export_model(args.model, fmt, out_dir, images, lambda step: print("  " + step.line(), file=sys.stderr))
        print(tr("Wrote {path} ({format}); on {n} check images it gave the same answer as the original on "
                 "{same}, largest probability difference {difference:.2g}.", path=r.path, format=r.format.name,
                 n=r.images_checked, same=percent(r.same_answer_share), difference=r.max_difference))
        out.append({"format": fmt, "path": str(r.path), "labels": str(r.labels), "images_checked": r.images_checked,
                    "same_answer_share": r.same_answer_share, "max_difference": r.max_difference})
    return out


def _cmd_backbones(args) -> list:
    from .core.networks.backbones import DEFAULT_BACKBONE, availability, get_backbone
    from .core.networks.network_choice import BEST, CANDIDATES

    print(tr("{id}  default    Best for my photos: compares {networks} on your photos and trains on the best",
             id=BEST.ljust(18), networks=", ".join(get_backbone(c).label for c in CANDIDATES)))
    out = []
    for b, problem in availability():
        if problem is not None:
            line = tr("{id}  not installed  {name}: {blurb}", id=b.id.ljust(18), name=b.label, blurb=b.blurb)
        elif b.id == DEFAULT_BACKBONE:
            line = tr("{id}  available  {name} (recommended): {blurb}", id=b.id.ljust(18), name=b.label,
                      blurb=b.blurb)
        else:
            line = tr("{id}  available  {name}: {blurb}", id=b.id.ljust(18), name=b.label, blurb=b.blurb)
        print(line)
        print("    " + tr("picture sizes {sizes} px ({default} unless --image-size says otherwise)",
                          sizes=", ".join(map(str, b.image_sizes)), default=b.image_size))
        if problem:
            print("    " + problem)
        out.append({"id": b.id, "label": b.label, "available": problem is None, "reason": problem,
                    "image_sizes": list(b.image_sizes), "image_size": b.image_size})
    return out


def _cmd_import_weights(args) -> dict:
    from .core.networks.backbones import import_weights

    path = import_weights(args.backbone, args.file)
    print(tr("Imported; {network} is now available ({path}).", network=args.backbone, path=path))
    return {"backbone": args.backbone, "path": str(path)}


def _cmd_install_launcher(args) -> dict:
    from .core.errors import UserError
    from .core.launcher import install_launcher, window_command

    if not sys.platform.startswith("linux"):
        raise UserError(tr("The application menu entry is for Linux; on Windows and macOS start FineTune Studio "
                           "by double-clicking it."))
    path = install_launcher(window_command())
    print(tr("FineTune Studio is now in the application menu ({path}).", path=path))
    return {"path": str(path)}


def _within(limit: Limit, kind: type = float):
    """An argparse type: the text as `kind`, checked against the setting's one range (core/limits.py)."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("expected a number, not {text}", text=text)) from None
        try:
            return limit.check(value)
        except UserError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def _path(text: str) -> str:
    """An argparse type: a file or folder name, which "" is not (it meant the current folder, and `train ""`
    trained on whatever folder the terminal was in)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(tr("a file or folder is needed here, not an empty name"))
    return text


def _fine_tune_layers(text: str) -> int | None:
    """'auto' (None: the core decides) or a number of layers."""
    if text == "auto":
        return None
    if text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(tr("expected a number of layers, 0, or auto"))


def _add_sort_commands(command) -> None:
    so = command("sort", _cmd_sort, tr("copy photos into one folder per class, by the model's answers (undo: "
                                       "undo-sort)"))
    so.add_argument("model", type=_path)
    so.add_argument("paths", type=_path, nargs="+", help=tr("photos, or folders of photos (all levels)"))
    so.add_argument("--into", type=_path, required=True, metavar="FOLDER",
                    help=tr("where the class folders go; a 'not sure' folder takes the answers below the threshold"))
    so.add_argument("--move", action="store_true",
                    help=tr("move the photos instead of copying them (undo-sort puts them back)"))
    so.add_argument("--threshold", type=_within(THRESHOLD), default=None, metavar="P",
                    help=tr("answer 'not sure' below this confidence, 0..1 (default: the one saved with the model)"))
    us = command("undo-sort", _cmd_undo_sort, tr("undo a sort: moved photos go back, copies are deleted"))
    us.add_argument("folder", type=_path, help=tr("the folder the photos were sorted into"))


def build_parser() -> argparse.ArgumentParser:
    from .core.networks.network_choice import BEST
    from .core.training.trainer import TrainingConfig

    defaults = TrainingConfig()
    p = argparse.ArgumentParser(prog="finetune-studio", description=tr("Train and use image classifiers, offline."))
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--debug", action="store_true", help=tr("show the full traceback on unexpected errors"))
    sub = p.add_subparsers(dest="command", required=True)

    def command(name, func, help_text):
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--json", action="store_true", help=tr("print one JSON object as the last line of stdout"))
        sp.set_defaults(func=func)
        return sp

    t = command("train", _cmd_train, tr("train a classifier on a folder with one sub-folder per class"))
    t.add_argument("data", type=_path,
                   help=tr("folder of class folders (or with train/ and test/ or val/ inside), or a project file "
                           "(.ftsproject)"))
    t.add_argument("--out", type=_path, required=True, help=tr("model file to write (.keras)"))
    t.add_argument("--backbone", default=BEST,
                   help=tr("pretrained network, or '{best}' (the default): compare the bundled ones on your photos "
                           "first and take the best; see the 'backbones' command", best=BEST))
    t.add_argument("--epochs", type=_within(EPOCHS, int), default=defaults.epochs,
                   help=tr("learning rounds (epochs) for the new output layer (default {default})",
                           default=defaults.epochs))
    t.add_argument("--learning-rate", type=_within(LEARNING_RATE), default=defaults.learning_rate,
                   help=tr("learning rate of the new output layer (default {default})", default=defaults.learning_rate))
    t.add_argument("--fine-tune-layers", default=None, type=_fine_tune_layers, metavar="N|auto",
                   help=tr("top backbone layers to fine-tune: a number, 0 for none, or auto (default)"))
    t.add_argument("--fine-tune-epochs", type=_within(FINE_TUNE_EPOCHS, int), default=defaults.fine_tune_epochs,
                   help=tr("fine-tuning rounds (default {default})", default=defaults.fine_tune_epochs))
    t.add_argument("--image-size", type=int, default=None,
                   help=tr("picture size the network sees, in pixels (default: the network's own; the 'backbones' "
                           "command lists each network's sizes)"))
    t.add_argument("--no-augment", action="store_true", help=tr("no random crops/flips while fine-tuning"))
    t.add_argument("--seed", type=_within(SEED, int), default=defaults.seed,
                   help=tr("random seed; the same seed repeats a run (default {default})", default=defaults.seed))
    t.add_argument("--all-gpus", action="store_true",
                   help=tr("split feature extraction and fine-tuning between all GPUs (MirroredStrategy)"))

    e = command("evaluate", _cmd_evaluate, tr("measure a model on a labelled folder"))
    e.add_argument("model", type=_path)
    e.add_argument("data", type=_path,
                   help=tr("folder of class folders (its test/ or val/ split is used when present)"))

    pr = command("predict", _cmd_predict, tr("say what a model sees in images or folders of images"))
    pr.add_argument("model", type=_path)
    pr.add_argument("paths", type=_path, nargs="+")
    pr.add_argument("--top-k", type=_within(TOP_K, int), default=3, help=tr("classes to show per image (default 3)"))
    pr.add_argument("--threshold", type=_within(THRESHOLD), default=None, metavar="P",
                    help=tr("answer 'not sure' below this confidence, 0..1 (default: the one saved with the model)"))
    pr.add_argument("--csv", type=_path, metavar="FILE", help=tr("also write every result to this CSV file"))

    _add_sort_commands(command)

    i = command("info", _cmd_info, tr("say what a model file, a photo folder or a project holds, and which folders "
                                     "a project reads"))
    i.add_argument("path", type=_path,
                   help=tr("a model (.keras), a folder of class folders, or a project file (.ftsproject)"))

    from .core.models.export import FORMATS

    ex = command("export", _cmd_export,
                 tr("write a model for other programs: Keras, SavedModel, TensorFlow Lite or ONNX"))
    ex.formatter_class = argparse.RawDescriptionHelpFormatter  # one line per format, as written
    ex.epilog = "\n".join([tr("formats, and who runs them:"),
                            *(f"  {f.id:<17} {f.name}: {f.for_whom}" for f in FORMATS.values()),
                            tr("Beside the files: labels.txt (the class names) and README.md, with code that "
                               "runs each file.")])
    ex.add_argument("model", type=_path)
    ex.add_argument("--format", action="append", choices=list(FORMATS), required=True,
                    help=tr("repeat for several (see below)"))
    ex.add_argument("--out", type=_path,
                    help=tr("folder to write into (default: '<model name> exports' beside the model)"))
    ex.add_argument("--images", type=_path, nargs="+", metavar="PATH",
                    help=tr("real images to check each export on (default: the photos the model was trained on)"))
    command("backbones", _cmd_backbones, tr("list the pretrained networks and whether they are installed"))
    iw = command("import-weights", _cmd_import_weights, tr("install an official Keras weight file for a backbone"))
    iw.add_argument("backbone")
    iw.add_argument("file", type=_path)
    command("install-launcher", _cmd_install_launcher,
            tr("add FineTune Studio to the application menu (Linux), starting this installation"))
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        payload = args.func(args)
    except UserError as exc:
        print(tr("error: {message}", message=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (Cancelled, KeyboardInterrupt):
        print(tr("Stopped; nothing was saved."), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # the one place that turns any failure into a readable line
        if args.debug:
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(tr("error: unexpected failure ({kind}: {problem}); run with --debug for details",
                 kind=type(exc).__name__, problem=first), file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        sys.stdout.flush()
        print(json.dumps(payload))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""Command line: train, evaluate and predict without the window (python -m desktop_app.cli --help).

Exit status: 0 success, 2 bad input (one line on stderr saying what to fix), 1 anything else.
With --json, stdout's last line is one JSON object (or list, for predict).
"""

import argparse
import json
import sys
import time
import traceback
from dataclasses import asdict

from . import __version__
from .core.errors import Cancelled, UserError
from .core.confidence import not_sure_words, threshold_words
from .core.progress import Phase, PhaseClocks

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

    def on_status(self, message: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "...\n")
        self.stream.flush()

    def on_progress(self, phase: str, done: int, total: int) -> None:
        left = self._remaining.update(phase, done, total)
        now = time.monotonic()
        if not total or (not self.tty and done < total and now - self._last_line < 5):
            return
        self._last_line = now
        eta = f", about {left:.0f} s left" if left is not None else ""
        self._write(f"  {phase}: {done}/{total} ({100 * done // total}%{eta})")
        if self.tty and done == total:
            self.stream.write("\n")

    def on_epoch_end(self, m) -> None:
        if m.phase == Phase.HEAD and m.epoch % 10 and m.epoch != m.epochs:
            return
        val = f", val loss {m.val_loss:.3f}, val accuracy {m.val_accuracy:.3f}" if m.val_accuracy is not None else ""
        line = f"  {m.phase} epoch {m.epoch}/{m.epochs}: loss {m.loss:.3f}, accuracy {m.accuracy:.3f}{val}"
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self.stream.flush()


def _skipped(items) -> list[dict]:
    return [{"path": s.path, "reason": s.reason} for s in items]


def _print_skipped(items) -> None:
    if items:
        print(f"Skipped {len(items)} file(s):", file=sys.stderr)
        for s in items:
            print(f"  {s.path}: {s.reason}", file=sys.stderr)


def _cmd_train(args) -> dict:
    from .core.backbones import get_backbone, locate_weights
    from .core.dataset import health_report, scan_dataset
    from .core.training import TrainingConfig, train

    locate_weights(get_backbone(args.backbone))  # before scanning: a missing backbone is found at once
    index = scan_dataset(args.data)
    for problem in health_report(index).problems:
        print(f"Note: {problem}", file=sys.stderr)
    config = TrainingConfig(backbone=args.backbone, image_size=args.image_size, epochs=args.epochs,
                            learning_rate=args.learning_rate,
                            fine_tune_layers=args.fine_tune_layers,
                            fine_tune_epochs=args.fine_tune_epochs, augment=not args.no_augment, seed=args.seed)
    result = train(index, args.out, config, StderrProgress())
    _print_skipped(result.skipped)
    for note in result.notes:
        print(f"Note: {note}", file=sys.stderr)
    val = "n/a" if result.val_accuracy is None else f"{result.val_accuracy:.1%}"
    print(f"Saved {result.model_path} (validation accuracy {val}, {result.seconds:.0f} s, "
          f"{'fine-tuned' if result.fine_tuned else 'output layer only'}; "
          f"{threshold_words(result.threshold)}).")
    if result.report_path:
        print(f"Training report: {result.report_path}")
    return {"model": str(result.model_path), "classes": result.classes, "counts": result.counts,
            "val_accuracy": result.val_accuracy, "fine_tuned": result.fine_tuned, "threshold": result.threshold,
            "report": str(result.report_path) if result.report_path else None,
            "embeddings_computed": result.embeddings_computed, "skipped": _skipped(result.skipped),
            "seconds": round(result.seconds, 2)}


def _cmd_evaluate(args) -> dict:
    from .core.evaluation import evaluate

    ev = evaluate(args.model, args.data, StderrProgress())
    _print_skipped(ev.skipped)
    if ev.left_out or ev.missing:
        print(f"Note: {ev.class_mismatch_words()}", file=sys.stderr)
    if ev.overlap_with_training:
        print(f"Warning: {ev.overlap_with_training} of the {ev.n} image(s) are photos the model was trained on, "
              "so this accuracy looks better than it will be on new photos.", file=sys.stderr)
    sure = ev.at_threshold()
    print(f"Accuracy {ev.accuracy:.1%} on {ev.n} image(s).")
    answered = f"{sure.accuracy:.1%} of them right" if sure.accuracy is not None else "none answered"
    print(f"The model {threshold_words(ev.threshold)}: {sure.coverage:.1%} of images get an answer, {answered}.")
    width = max(len(c) for c in ev.classes)
    print(f"{'class':<{width}}  precision  recall  f1     n")
    for c, m in ev.per_class.items():
        print(f"{c:<{width}}  {m.precision:9.3f}  {m.recall:6.3f}  {m.f1:.3f}  {m.support}")
    print("Confusion matrix (rows: true class, columns: predicted):")
    for c, row in zip(ev.classes, ev.confusion_matrix):
        print(f"{c:<{width}}  " + " ".join(f"{v:5d}" for v in row))
    return {"accuracy": ev.accuracy, "n": ev.n, "classes": ev.classes, "confusion_matrix": ev.confusion_matrix,
            "threshold": ev.threshold, "answered": sure.coverage, "accuracy_answered": sure.accuracy,
            "per_class": {c: asdict(m) for c, m in ev.per_class.items()}, "skipped": _skipped(ev.skipped),
            "overlap_with_training": ev.overlap_with_training, "left_out_classes": ev.left_out,
            "missing_classes": ev.missing}


def _cmd_predict(args) -> list:
    from .core.prediction import Prediction, Predictor
    from .core.results_csv import write_predictions_csv

    predictor = Predictor(args.model, args.threshold)
    results = predictor.predict(args.paths, StderrProgress())
    if not results:
        raise UserError("No image files were found in the given paths.")
    if args.csv:
        write_predictions_csv(results, predictor.classes, args.csv)
        print(f"Wrote {args.csv}.", file=sys.stderr)
    out = []
    for r in results:
        if isinstance(r, Prediction):
            top = ", ".join(f"{c} {p:.1%}" for c, p in r.top(args.top_k))
            answer = r.label if r.sure else not_sure_words(r.label, r.confidence, predictor.threshold)
            print(f"{r.path}: {answer} ({top})")
            out.append({"path": r.path, "label": r.label, "sure": r.sure, "confidence": r.confidence,
                        "probabilities": r.probabilities})
        else:
            print(f"{r.path}: cannot predict: {r.error}")
            out.append({"path": r.path, "error": r.error})
    if not any(isinstance(r, Prediction) for r in results):
        raise UserError(f"No file could be read as an image ({len(results)} tried; reasons above).")
    return out


def _cmd_export(args) -> list:
    from pathlib import Path

    from .core.bundle import read_metadata
    from .core.export import export_model

    images = args.images
    if not images:  # the photos the model was trained on, when they are still there
        root = read_metadata(args.model).get("dataset", {}).get("root")
        if not root or not Path(root).is_dir():
            raise UserError("Exports are checked on real images: give some with --images (files or folders).")
        images = [root]
    out_dir = args.out or Path(args.model).with_name(Path(args.model).stem + " exports")
    out = []
    for fmt in args.format:
        r = export_model(args.model, fmt, out_dir, images)
        print(f"Wrote {r.path} ({r.format.label}); on {r.images_checked} check images it gave the same answer "
              f"as the original on {r.same_answer_share:.0%}, largest probability difference {r.max_difference:.2g}.")
        out.append({"format": fmt, "path": str(r.path), "labels": str(r.labels), "images_checked": r.images_checked,
                    "same_answer_share": r.same_answer_share, "max_difference": r.max_difference})
    return out


def _cmd_backbones(args) -> list:
    from .core.backbones import DEFAULT_BACKBONE, availability

    out = []
    for b, problem in availability():
        mark = "available" if problem is None else "unavailable"
        default = " (default)" if b.id == DEFAULT_BACKBONE else ""
        print(f"{b.id:20s} {mark:11s} {b.label}{default}: {b.description}")
        if problem:
            print(f"{'':20s} {problem}")
        out.append({"id": b.id, "label": b.label, "available": problem is None, "reason": problem})
    return out


def _cmd_import_weights(args) -> dict:
    from .core.backbones import import_weights

    path = import_weights(args.backbone, args.file)
    print(f"Imported; {args.backbone} is now available ({path}).")
    return {"backbone": args.backbone, "path": str(path)}


def _fine_tune_layers(text: str) -> int | None:
    """'auto' (None: the core decides) or a number of layers."""
    if text == "auto":
        return None
    if text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError("expected a number of layers, 0, or auto")


def build_parser() -> argparse.ArgumentParser:
    from .core.backbones import DEFAULT_BACKBONE
    from .core.training import TrainingConfig

    defaults = TrainingConfig()
    p = argparse.ArgumentParser(prog="finetune-studio", description="Train and use image classifiers, offline.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--debug", action="store_true", help="show the full traceback on unexpected errors")
    sub = p.add_subparsers(dest="command", required=True)

    def command(name, func, help_text):
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--json", action="store_true", help="print one JSON object as the last line of stdout")
        sp.set_defaults(func=func)
        return sp

    t = command("train", _cmd_train, "train a classifier on a folder with one sub-folder per class")
    t.add_argument("data", help="folder of class folders, or with train/ and test/ (or val/) inside")
    t.add_argument("--out", required=True, help="model file to write (.keras)")
    t.add_argument("--backbone", default=DEFAULT_BACKBONE, help=f"pretrained network (default {DEFAULT_BACKBONE}; "
                   "see the 'backbones' command)")
    t.add_argument("--epochs", type=int, default=defaults.epochs,
                   help=f"epochs for the new output layer (default {defaults.epochs})")
    t.add_argument("--learning-rate", type=float, default=defaults.learning_rate,
                   help=f"output layer learning rate (default {defaults.learning_rate})")
    t.add_argument("--fine-tune-layers", default=None, type=_fine_tune_layers, metavar="N|auto",
                   help="top backbone layers to fine-tune: a number, 0 for none, or auto (default)")
    t.add_argument("--fine-tune-epochs", type=int, default=defaults.fine_tune_epochs,
                   help=f"fine-tuning epochs (default {defaults.fine_tune_epochs})")
    t.add_argument("--image-size", type=int, default=defaults.image_size,
                   help=f"input size in pixels (default {defaults.image_size})")
    t.add_argument("--no-augment", action="store_true", help="no random crops/flips while fine-tuning")
    t.add_argument("--seed", type=int, default=defaults.seed,
                   help=f"random seed; the same seed repeats a run (default {defaults.seed})")

    e = command("evaluate", _cmd_evaluate, "measure a model on a labelled folder")
    e.add_argument("model")
    e.add_argument("data", help="folder of class folders (its test/ or val/ split is used when present)")

    pr = command("predict", _cmd_predict, "say what a model sees in images or folders of images")
    pr.add_argument("model")
    pr.add_argument("paths", nargs="+")
    pr.add_argument("--top-k", type=int, default=3, help="classes to show per image (default 3)")
    pr.add_argument("--threshold", type=float, default=None, metavar="P",
                    help="answer 'not sure' below this confidence, 0..1 (default: the one saved with the model)")
    pr.add_argument("--csv", metavar="FILE", help="also write every result to this CSV file")

    from .core.export import FORMATS

    ex = command("export", _cmd_export, "write a model for other programs: Keras, SavedModel or TensorFlow Lite")
    ex.add_argument("model")
    ex.add_argument("--format", action="append", choices=list(FORMATS), required=True,
                    help="repeat for several: " + "; ".join(f"{f.id} = {f.label}" for f in FORMATS.values()))
    ex.add_argument("--out", help="folder to write into (default: '<model name> exports' beside the model)")
    ex.add_argument("--images", nargs="+", metavar="PATH",
                    help="real images to check each export on (default: the photos the model was trained on)")
    command("backbones", _cmd_backbones, "list the pretrained networks and whether they are installed")
    iw = command("import-weights", _cmd_import_weights, "install an official Keras weight file for a backbone")
    iw.add_argument("backbone")
    iw.add_argument("file")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        payload = args.func(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (Cancelled, KeyboardInterrupt):
        print("Stopped; nothing was saved.", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # the one place that turns any failure into a readable line
        if args.debug:
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(f"error: unexpected failure ({type(exc).__name__}: {first}); run with --debug for details",
              file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        sys.stdout.flush()
        print(json.dumps(payload))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

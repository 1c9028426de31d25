"""Train a classifier on a scanned dataset: the new output layer first, then optionally the top of the backbone."""

import datetime
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .. import __version__
from .backbones import DEFAULT_BACKBONE, get_backbone, locate_weights, build_network
from .bundle import ModelBundle, save_bundle
from .dataset import DatasetIndex, ImageRecord, SkippedFile
from .errors import DatasetError, SaveError
from .evaluation import training_hash
from .confidence import choose_threshold
from .features import BATCH_SIZE, compute_embeddings
from .head import better, class_weights, score, stratified_folds, train_heads
from .progress import CancelToken, EpochMetrics, NullObserver, Observer, Stage
from .report import report_path, write_report
from .tf_runtime import keras, model_lock, tensorflow

AUTO = None


@dataclass
class TrainingConfig:
    backbone: str = DEFAULT_BACKBONE
    image_size: int = 224
    epochs: int = 60  # phase 1: cheap, on cached features
    learning_rate: float = 2e-3
    l2: float = 1e-4
    dropout: float = 0.2  # before the output layer while fine-tuning
    fine_tune_layers: int | None = AUTO  # phase 2 depth: None = backbone's default when it can help, 0 = off
    fine_tune_epochs: int = 8
    fine_tune_learning_rate: float = 1e-4
    augment: bool = True
    folds: int = 5  # cross-validation folds for phase 1 (1: no validation, train on everything)
    seed: int = 0
    # "auto" runs phase 2 only where it can help and validation can show it. Below this many validation
    # images, one photo moves accuracy by more than fine-tuning gains; on the hot-dog set (40 validation
    # photos) fine-tuning raised validation accuracy to 0.95-0.975 while test accuracy fell 0.88 -> 0.82.
    auto_fine_tune_min_validation: int = 200
    # Above this many training images, phase 2 would take hours on a laptop CPU for little gain over a
    # head that already has thousands of examples.
    auto_fine_tune_max_images: int = 2000


@dataclass
class TrainingResult:
    model_path: Path
    classes: list[str]
    counts: dict[str, int]
    val_accuracy: float | None
    val_loss: float | None
    fine_tuned: bool
    history: list[EpochMetrics]
    skipped: list[SkippedFile]
    seconds: float
    embeddings_computed: int
    report_path: Path | None  # the HTML training report beside the model
    threshold: float  # below this confidence, predictions read "not sure" (0.0: always answer)
    notes: list[str] = field(default_factory=list)


def _labels(records: list[ImageRecord], classes: list[str]) -> np.ndarray:
    index = {c: i for i, c in enumerate(classes)}
    return np.array([index[r.label] for r in records], dtype=np.int64)


def _fine_tune_depth(config: TrainingConfig, n_train: int, n_val: int, head_val) -> tuple[int, str | None]:
    """(layers to unfreeze in phase 2, a note for the user when "auto" decided against it)."""
    if config.fine_tune_layers is not AUTO:
        return config.fine_tune_layers, None
    if head_val is not None and head_val[1] >= 1.0:
        return 0, "Fine-tuning skipped: the new output layer is already right on every validation image."
    if n_val < config.auto_fine_tune_min_validation:
        return 0, (f"Fine-tuning skipped: with {n_val} validation images a real gain could not be told apart "
                   "from luck, and on small sets it tends to memorise the training photos.")
    if n_train > config.auto_fine_tune_max_images:
        return 0, (f"Fine-tuning skipped: with {n_train} images it would take long on a CPU "
                   "(turn it on in the advanced settings to force it).")
    return get_backbone(config.backbone).fine_tune_layers, None


def _fine_tune(model, base, depth: int, config: TrainingConfig, train_recs, y_train, val_recs, y_val,
               n_classes: int, head_val, observer: Observer, cancel: CancelToken, history: list[EpochMetrics]):
    """Phase 2. Returns (best validation (loss, acc), whether it beat the head alone); `model` keeps the best weights."""
    from .image_batches import ImageBatches

    k = keras()
    base.trainable = True
    trainable_from = len(base.layers) - depth
    for i, layer in enumerate(base.layers):
        # BatchNorm stays frozen: its statistics come from ImageNet and a few hundred photos would spoil them.
        layer.trainable = i >= trainable_from and not isinstance(layer, k.layers.BatchNormalization)
    # Validation judges an exponential moving average of the weights (SwapEMAWeights): single steps on
    # a few hundred photos make the raw weights jump from epoch to epoch; their average is steadier.
    model.compile(optimizer=k.optimizers.Adam(config.fine_tune_learning_rate, use_ema=True, ema_momentum=0.9),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"], weighted_metrics=[])
    w = class_weights(y_train, n_classes)
    train_data = ImageBatches(train_recs, y_train, w[y_train], config.image_size, config.seed,
                              training=True, augmenting=config.augment)
    val_data = ImageBatches(val_recs, y_val, np.ones(len(y_val), np.float32), config.image_size, config.seed,
                            training=False, augmenting=False)
    steps = len(train_data)
    epochs = config.fine_tune_epochs
    state = {"best": head_val, "weights": model.get_weights()}

    class Reporter(k.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            observer.on_progress("fine-tune", self._epoch * steps + batch + 1, epochs * steps)
            if cancel.cancelled:
                self.model.stop_training = True
                self.model.stop_evaluating = True

        def on_test_batch_end(self, batch, logs=None):
            if cancel.cancelled:
                self.model.stop_evaluating = True

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch = epoch

        def on_epoch_end(self, epoch, logs=None):
            if cancel.cancelled:
                return
            val = (logs["val_loss"], logs["val_accuracy"])
            metrics = EpochMetrics("fine-tune", epoch + 1, epochs, float(logs["loss"]), float(logs["accuracy"]),
                                   float(val[0]), float(val[1]))
            history.append(metrics)
            observer.on_epoch_end(metrics)
            if better(val, state["best"]):
                state["best"], state["weights"] = val, self.model.get_weights()

    observer.on_status(Stage.FINE_TUNE)
    observer.on_progress("fine-tune", 0, epochs * steps)
    model.fit(train_data, validation_data=val_data, epochs=epochs, verbose=0,
              callbacks=[k.callbacks.SwapEMAWeights(swap_on_epoch=True), Reporter()])
    cancel.raise_if_cancelled()
    model.set_weights(state["weights"])
    return state["best"], state["best"] is not head_val


def train(index: DatasetIndex, out_path: str | Path, config: TrainingConfig | None = None,
          observer: Observer | None = None, cancel: CancelToken | None = None) -> TrainingResult:
    """Train on `index` and save the model to `out_path` (atomically; on cancel or error nothing is written)."""
    config = config or TrainingConfig()
    observer = observer or NullObserver()
    cancel = cancel or CancelToken()
    started = time.monotonic()
    backbone = get_backbone(config.backbone)
    weights = locate_weights(backbone)
    k = keras()
    k.utils.set_random_seed(config.seed)
    # Same seed, same model: without this, multi-threaded CPU kernels sum in varying order.
    tensorflow().config.experimental.enable_op_determinism()

    observer.on_status(Stage.PREPARING)
    emb = compute_embeddings(list(index.train) + list(index.validation), backbone, config.image_size,
                             observer, cancel)
    user_val = {r.path for r in index.validation}
    classes = [c for c in index.classes if any(r.label == c and r.path not in user_val for r in emb.records)]
    notes = [f"The class '{c}' had no image that could be read, so it was left out."
             for c in index.classes if c not in classes]
    if len(classes) < 2:
        raise DatasetError("Fewer than two classes have images that can be read; see the skipped files.")
    keep = [i for i, r in enumerate(emb.records) if r.label in classes]
    records = [emb.records[i] for i in keep]
    views = emb.features if len(keep) == len(emb.records) else emb.features[keep]  # no copy when all are kept
    labels = _labels(records, classes)
    if user_val:  # the user's own validation folder is the one held-out fold
        fold_of = np.array([0 if r.path in user_val else -1 for r in records])
    else:
        fold_of = stratified_folds(labels, config.folds, config.seed) if config.folds >= 2 else np.full(len(labels), -1)

    history: list[EpochMetrics] = []

    def on_head_epoch(m: EpochMetrics) -> None:
        history.append(m)
        observer.on_epoch_end(m)
        observer.on_progress("head", m.epoch, m.epochs)

    observer.on_status(Stage.HEAD)
    head = train_heads(views, labels, fold_of, len(classes), epochs=config.epochs,
                       learning_rate=config.learning_rate, l2=config.l2, batch_size=BATCH_SIZE, seed=config.seed,
                       on_epoch=on_head_epoch, cancel=cancel)

    with model_lock:
        features, base = build_network(backbone, config.image_size, weights)
        x = k.layers.Dropout(config.dropout, name="dropout")(features.output)
        outputs = k.layers.Dense(len(classes), activation="softmax", name="classifier")(x)
        model = k.Model(features.input, outputs, name="finetune_studio_classifier")
    classifier = model.get_layer("classifier")
    classifier.set_weights([head.weights.kernel, head.weights.bias])

    val_mask = fold_of == 0  # phase 2 trains on the other folds and is judged on this one
    depth, why = _fine_tune_depth(config, len(records), int(val_mask.sum()), head.val)
    if why:
        notes.append(why)
    best, fine_tuned = head.val, False
    if depth > 0 and not val_mask.any():
        notes.append("Fine-tuning skipped: it needs validation images to know when to stop.")
    elif depth > 0:
        # Start from the fold layer that never saw the validation fold, so the comparison is fair.
        start = head.fold_weights[0]
        classifier.set_weights([start.kernel, start.bias])
        start_val = score(start.probabilities(views[val_mask, 0]), labels[val_mask])
        split = [[r for r, v in zip(records, val_mask) if v == held] for held in (False, True)]
        phase2, fine_tuned = _fine_tune(model, base, depth, config, split[0], labels[~val_mask], split[1],
                                        labels[val_mask], len(classes), start_val, observer, cancel, history)
        if fine_tuned:
            best = phase2
        else:
            notes.append("Fine-tuning did not beat the output layer alone on validation, so it was not kept.")
            base.trainable = False
            classifier.set_weights([head.weights.kernel, head.weights.bias])

    held = fold_of >= 0
    oof = head.oof_probabilities[held]
    threshold = choose_threshold(oof.max(axis=1), oof.argmax(axis=1) == labels[held])

    observer.on_status(Stage.SAVING)
    counts = {c: sum(r.label == c for r in records) for c in classes}
    skipped = list(index.skipped) + emb.skipped
    metadata = {
        "app_version": __version__,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "backbone": backbone.id,
        "image_size": config.image_size,
        "config": asdict(config),
        "dataset": dict(index.summary(), images_used=len(records), folds=len(head.fold_weights),
                        skipped=[{"path": f.path, "reason": f.reason} for f in skipped]),
        "metrics": {"val_loss": best[0] if best else None, "val_accuracy": best[1] if best else None,
                    "fine_tuned": fine_tuned},
        # Chosen on the output layer's out-of-fold answers (also when fine-tuning was kept).
        "threshold": threshold,
        "recommended_threshold": threshold,  # the user may change "threshold"; this stays for Reset
        # Those answers themselves: each held-out photo, judged by a layer that had not seen it.
        "validation": {"paths": [r.path for r, h in zip(records, held) if h],
                       "labels": [r.label for r, h in zip(records, held) if h],
                       "probabilities": np.round(oof, 4).tolist()},
        "history": [asdict(m) for m in history],
        # What it learnt from, so an evaluation on the same photos can say so (evaluation.overlap_with_training).
        "training_hashes": sorted({training_hash(r.sha256) for r in records}),
    }
    path = save_bundle(ModelBundle(model, classes, metadata), out_path, cancel)
    report = report_path(path)
    try:
        write_report(path, report)
    except SaveError as exc:  # the model is saved; a report that cannot be written must not undo that
        notes.append(f"The training report was not written: {exc}")
        report = None
    return TrainingResult(path, classes, counts, best[1] if best else None, best[0] if best else None, fine_tuned,
                          history, skipped, time.monotonic() - started, emb.computed,
                          report, threshold, notes)

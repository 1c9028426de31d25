"""Train a classifier on a scanned dataset: the new output layer first, then optionally the top of the backbone."""

import contextlib
import datetime
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from ... import __version__
from ..networks.backbones import build_ahead, build_network, get_backbone, locate_weights
from ..models.bundle import ModelBundle, save_bundle
from ..data.dataset import DatasetIndex, ImageRecord, SkippedFile
from ..errors import DatasetError, SaveError
from ..models.evaluation import training_hash
from ..models.confidence import choose_threshold
from ..networks.features import BATCH_SIZE, compute_embeddings
from ..i18n import tr
from ..limits import EPOCHS, FINE_TUNE_EPOCHS, LEARNING_RATE, SEED
from ..models.metadata import DatasetFacts, HeldOutAnswers, ModelMetadata
from ..networks.network_choice import BEST, NetworkChoice, choose_network
from .learning_curve import learning_curve
from .head import HeadResult, HeadSettings, Score, score, stratified_folds, train_heads
from ..progress import CancelToken, EpochMetrics, NullObserver, Observer, Phase, Stage
from ..models.report import report_path, write_report
from ..tf_runtime import keras, model_lock, tensorflow

AUTO = None


@dataclass
class TrainingConfig:
    backbone: str = BEST  # a Backbone id, or BEST: measure the bundled networks on the photos and take the best
    image_size: int | None = None  # None: the network's own default (Backbone.image_size)
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

    def check(self) -> None:
        """A UserError naming the setting and its range, for any number out of it (core/limits.py)."""
        for limit, value in ((EPOCHS, self.epochs), (FINE_TUNE_EPOCHS, self.fine_tune_epochs),
                             (LEARNING_RATE, self.learning_rate), (SEED, self.seed)):
            limit.check(value)

    @property
    def head_settings(self) -> HeadSettings:
        return HeadSettings(self.epochs, self.learning_rate, self.l2, BATCH_SIZE, self.seed)

    @property
    def size(self) -> int:
        """image_size, once train() has put the network's own in place of None."""
        assert self.image_size is not None, "train() resolves the picture size before it is used"
        return self.image_size


@dataclass(frozen=True)
class TrainingResult:
    model_path: Path
    classes: list[str]
    counts: dict[str, int]
    val_accuracy: float | None
    val_loss: float | None
    val_count: int  # how many held-out pictures val_accuracy was measured on
    fine_tuned: bool
    history: list[EpochMetrics]
    skipped: list[SkippedFile]
    seconds: float
    embeddings_computed: int
    report_path: Path | None  # the HTML training report beside the model (None: it could not be written)
    threshold: float  # below this confidence, predictions read "not sure" (0.0: always answer)
    network: tuple[str, int]  # (backbone id, picture size) the model is built on
    notes: list[str] = field(default_factory=list)
    network_choice: NetworkChoice | None = None  # what "Best for my photos" measured, when it was asked for


@dataclass
class _Examples:
    """The photos a run learns from, as the backbone sees them, and how they are held out."""

    records: list[ImageRecord]
    views: np.ndarray  # (photos, views, features): as is and mirrored
    labels: np.ndarray
    classes: list[str]
    fold_of: np.ndarray  # each photo's validation fold; -1: never held out
    computed: int  # photos the backbone had to look at (the rest came from the cache)
    skipped: list[SkippedFile]  # found while reading the photos (the scan's own are in the index)
    left_out: list[str]  # classes without a photo that could be read
    own_validation: bool  # held out by the user's validation folder, not by cross-validation groups
    repaired: int  # photos whose cached features were damaged and were computed again


@dataclass(frozen=True)
class _Learnt:
    """What the two phases made of the examples: the score kept, and what the user reads about it."""

    best: Score | None  # on held-out photos; None when nothing was held out
    judged: int  # how many held-out photos `best` was measured on
    fine_tuned: bool
    history: list[EpochMetrics]
    notes: list[str]


def _fine_tune_depth(config: TrainingConfig, n_train: int, n_val: int, head_val: Score | None,
                     own_validation: bool) -> tuple[int, str | None]:
    """(layers to unfreeze in phase 2, a note for the user when "auto" decided against it). The note names
    the pictures fine-tuning would be judged on as the Dataset tab does: the validation folder, or one of
    the groups each picture is held out in once."""
    if config.fine_tune_layers is not AUTO:
        return config.fine_tune_layers, None
    if head_val is not None and head_val.accuracy >= 1.0:
        return 0, tr("Fine-tuning skipped: the new output layer is already right on every held-out picture.")
    if n_val < config.auto_fine_tune_min_validation:
        judged = (tr("the %n picture(s) of the validation folder", "", n_val) if own_validation else
                  tr("the %n picture(s) of one of the {groups} held-out groups", "", n_val, groups=config.folds))
        return 0, tr("Fine-tuning skipped: it would be judged on {judged}, too few to tell a real gain from luck "
                     "(it needs {needed}), and on small sets it tends to memorise the training photos.",
                     judged=judged, needed=config.auto_fine_tune_min_validation)
    if n_train > config.auto_fine_tune_max_images:
        return 0, tr("Fine-tuning skipped: with {n} pictures it would take long on a CPU (turn it on in the "
                     "advanced settings to force it).", n=n_train)
    return get_backbone(config.backbone).fine_tune_layers, None


def train(index: DatasetIndex, out_path: str | Path, config: TrainingConfig | None = None,
          observer: Observer | None = None, cancel: CancelToken | None = None, strategy=None,
          report: bool = True) -> TrainingResult:
    """Train on `index` and save the model to `out_path` (atomically; on cancel or error nothing is written).

    `strategy`: a tf.distribute strategy (tf_runtime.mirrored_strategy) that spreads feature extraction and
    fine-tuning over several devices; by default TensorFlow uses its first GPU, or the processor.
    `report`: write the training report too; False leaves it to the caller (the engine writes it once it has
    said Done: a third of a retrain), and the result's report_path says where it goes."""
    config = config or TrainingConfig()
    config.check()  # before any work: the features of thousands of photos are not computed for nothing
    observer = observer or NullObserver()
    cancel = cancel or CancelToken()
    started = time.monotonic()
    if config.backbone != BEST:
        locate_weights(get_backbone(config.backbone))  # a network that is not installed fails before any work
    keras().utils.set_random_seed(config.seed)
    # Same seed, same model: without this, multi-threaded CPU kernels sum in varying order.
    tensorflow().config.experimental.enable_op_determinism()

    choice = None
    with strategy.scope() if strategy else contextlib.nullcontext():  # models made in it run on all its devices
        if config.backbone == BEST:
            choice = choose_network(index.train, config, observer, cancel)
            config = replace(config, backbone=choice.backbone)
        backbone = get_backbone(config.backbone)
        # The CLI and the window offer the network's own sizes (check_image_size); tests use tiny ones.
        config = replace(config, image_size=config.image_size or backbone.image_size)
        examples = _embed(index, backbone, config, observer, cancel)
        head = _train_head(examples, config, observer, cancel)
        curve = learning_curve(examples.views, examples.labels, examples.fold_of, len(examples.classes),
                               config.head_settings, cancel)
        if curve and head.val is not None:
            curve.append((len(examples.labels), head.val.accuracy))
        model, base = _build_model(backbone, config, locate_weights(backbone), examples.classes, head)
        learnt = _fine_tune_if_it_helps(model, base, head, examples, config, observer, cancel)
    held = examples.fold_of >= 0
    oof = head.oof_probabilities[held]
    threshold = choose_threshold(oof.max(axis=1), oof.argmax(axis=1) == examples.labels[held])

    observer.on_stage(Stage.SAVING)
    skipped = list(index.skipped) + examples.skipped
    metadata = replace(_metadata(index, config, examples, head, learnt, threshold, skipped, choice),
                       learning_curve=tuple(curve))
    path = save_bundle(ModelBundle(model, metadata), out_path, cancel)
    notes = [*([choice.words()] if choice else []),
             *(tr("The class '{name}' had no image that could be read, so it was left out.", name=c)
               for c in examples.left_out),
             *([tr("The stored features of %n photo(s) were damaged (changed outside the app) and were computed "
                   "again.", "", examples.repaired)] if examples.repaired else []),
             *learnt.notes]
    written: Path | None = report_path(path)
    if report:
        try:
            write_report(path, report_path(path))
        except SaveError as exc:  # the model is saved; a report that cannot be written must not undo that
            written = None
            notes.append(tr("The training report was not written: {problem}", problem=exc))
    return TrainingResult(
        model_path=path, classes=examples.classes,
        counts={c: int((examples.labels == i).sum()) for i, c in enumerate(examples.classes)},
        val_accuracy=learnt.best.accuracy if learnt.best else None, val_loss=learnt.best.loss if learnt.best else None,
        val_count=learnt.judged, fine_tuned=learnt.fine_tuned, history=learnt.history, skipped=skipped,
        seconds=time.monotonic() - started,
        embeddings_computed=examples.computed, report_path=written, threshold=threshold, notes=notes,
        network_choice=choice, network=(config.backbone, config.size))


def get_ready(network: tuple[str, int | None] | None) -> None:
    """Load what a run needs before it is asked for (the training engine, as it waits): Keras, and the
    network (backbone id, picture size or None for its own) the run will likely be built on."""
    keras()
    if network is None or network[0] == BEST:  # which network is best is only known once it is measured
        return
    try:
        backbone = get_backbone(network[0])
        build_ahead(backbone, network[1] or backbone.image_size, locate_weights(backbone))
    except Exception:  # only a head start: a network that cannot be built fails in the run, which says why
        return


def _embed(index: DatasetIndex, backbone, config: TrainingConfig, observer: Observer,
           cancel: CancelToken) -> _Examples:
    """Every photo through the backbone once (or from the cache); classes left without a readable photo go."""
    observer.on_stage(Stage.PREPARING)
    emb = compute_embeddings(list(index.train) + list(index.validation), backbone, config.size,
                             observer, cancel)
    user_val = {r.path for r in index.validation}
    classes = [c for c in index.classes if any(r.label == c and r.path not in user_val for r in emb.records)]
    if len(classes) < 2:
        raise DatasetError(tr("Fewer than two classes have images that can be read; see the skipped files."))
    keep = [i for i, r in enumerate(emb.records) if r.label in classes]
    records = [emb.records[i] for i in keep]
    views = emb.features if len(keep) == len(emb.records) else emb.features[keep]  # no copy when all are kept
    number = {c: i for i, c in enumerate(classes)}
    labels = np.array([number[r.label] for r in records], dtype=np.int64)
    if user_val:  # the user's own validation folder is the one held-out fold
        fold_of = np.array([0 if r.path in user_val else -1 for r in records])
    else:
        fold_of = stratified_folds(labels, config.folds, config.seed) if config.folds >= 2 else np.full(len(labels), -1)
    return _Examples(records, views, labels, classes, fold_of, emb.computed, emb.skipped,
                     left_out=[c for c in index.classes if c not in classes], own_validation=bool(user_val),
                     repaired=emb.repaired)


def _train_head(examples: _Examples, config: TrainingConfig, observer: Observer, cancel: CancelToken) -> HeadResult:
    """Phase 1: the new output layer, one per fold side by side, on the cached features."""
    def on_epoch(m: EpochMetrics) -> None:
        observer.on_epoch_end(m)
        observer.on_progress(Phase.HEAD, m.epoch, m.epochs)

    observer.on_stage(Stage.HEAD)
    return train_heads(examples.views, examples.labels, examples.fold_of, len(examples.classes), config.head_settings,
                       cancel, on_epoch)


def _build_model(backbone, config: TrainingConfig, weights, classes: list[str], head: HeadResult):
    """(the whole model from raw pixels to class probabilities with the trained output layer, its backbone)."""
    k = keras()
    with model_lock:
        features, base = build_network(backbone, config.size, weights)
        # Its own seed: whether build_network built the backbone now or ahead of the run (build_ahead) must not
        # change which photos' features it drops, so the engine's model is the one a cold run makes.
        x = k.layers.Dropout(config.dropout, seed=config.seed, name="dropout")(features.output)
        outputs = k.layers.Dense(len(classes), activation="softmax", name="classifier")(x)
        model = k.Model(features.input, outputs, name="finetune_studio_classifier")
    model.get_layer("classifier").set_weights([head.weights.kernel, head.weights.bias])
    return model, base


def _fine_tune_if_it_helps(model, base, head: HeadResult, examples: _Examples, config: TrainingConfig,
                           observer: Observer, cancel: CancelToken) -> _Learnt:
    """Phase 2 when it is asked for (or "auto" finds it can help); kept only if validation improves."""
    val_mask = examples.fold_of == 0  # phase 2 trains on the other folds and is judged on this one
    depth, why = _fine_tune_depth(config, len(examples.records), int(val_mask.sum()), head.val,
                                  examples.own_validation)
    head_alone = _Learnt(head.val, int((examples.fold_of >= 0).sum()), False, head.history, [why] if why else [])
    if depth <= 0:
        return head_alone
    if not val_mask.any():
        return replace(head_alone, notes=[tr("Fine-tuning skipped: it needs held-out pictures to know when to stop.")])
    from .fine_tuning import FineTuneJob, Split, fine_tune

    classifier = model.get_layer("classifier")
    # Start from the fold layer that never saw the validation fold, so the comparison is fair.
    start = head.fold_weights[0]
    classifier.set_weights([start.kernel, start.bias])
    records = examples.records
    split = Split([r for r, v in zip(records, val_mask, strict=True) if not v], examples.labels[~val_mask],
                  [r for r, v in zip(records, val_mask, strict=True) if v], examples.labels[val_mask])
    job = FineTuneJob(model, base, depth, split, len(examples.classes),
                      start=score(start.probabilities(examples.views[val_mask, 0]), examples.labels[val_mask]))
    outcome = fine_tune(job, config, observer, cancel)
    history = head.history + outcome.history
    if outcome.improved:
        return _Learnt(outcome.best, int(val_mask.sum()), True, history, [])
    base.trainable = False
    classifier.set_weights([head.weights.kernel, head.weights.bias])
    return replace(head_alone, history=history, notes=[
        tr("Fine-tuning did not beat the output layer alone on held-out pictures, so it was not kept.")])


def _metadata(index: DatasetIndex, config: TrainingConfig, examples: _Examples, head: HeadResult, learnt: _Learnt,
              threshold: float, skipped: list[SkippedFile], choice: NetworkChoice | None) -> ModelMetadata:
    """What the model file says about itself."""
    records, held = examples.records, examples.fold_of >= 0
    held_records = [r for r, h in zip(records, held, strict=True) if h]
    return ModelMetadata(
        classes=tuple(examples.classes),
        app_version=__version__,
        created=datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0),
        backbone=config.backbone,
        image_size=config.size,
        network_choice=choice.as_dict() if choice else None,
        crops=True,  # the model cuts the centred square out of any photo itself (its crop_resize layer)
        config=asdict(config),
        dataset=DatasetFacts(root=index.root, classes=tuple(index.classes),
                             counts={s: index.counts(s) for s in ("train", "validation", "test") if getattr(index, s)},
                             images_used=len(records), folds=len(head.fold_weights), skipped=tuple(skipped)),
        val_loss=learnt.best.loss if learnt.best else None,
        val_accuracy=learnt.best.accuracy if learnt.best else None,
        val_count=learnt.judged,
        fine_tuned=learnt.fine_tuned,
        # Chosen on the output layer's out-of-fold answers (also when fine-tuning was kept); the user may
        # change the threshold in use, the recommended one stays for Reset.
        threshold=threshold,
        recommended_threshold=threshold,
        # Those answers themselves: each held-out photo, judged by a layer that had not seen it.
        validation=HeldOutAnswers(tuple(r.path for r in held_records), tuple(r.label for r in held_records),
                                  tuple(map(tuple, np.round(head.oof_probabilities[held], 4).tolist())))
        if held_records else None,
        history=tuple(learnt.history),
        # What it learnt from, so an evaluation on the same photos can say so (evaluation.overlap_with_training).
        training_hashes=frozenset(training_hash(r.sha256) for r in records),
    )

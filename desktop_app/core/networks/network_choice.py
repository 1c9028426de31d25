""""Best for my photos": the bundled networks compared on the user's own photos before training.

Each candidate looks at the same stratified sample of the photos (features cached as usual, so the
chosen network's share is not computed twice); output layers are cross-validated on it with the folds
training uses, and every sampled photo is judged by a layer that had not seen it.

The recommended network is kept unless another is right on clearly more of the same photos (an exact
one-sided sign test on the photos where the two disagree, p < 0.05). Picking the highest score alone
would follow noise: on the hot-dog photos, 20 random samples of 60 crowned three different networks.
The same test says when measuring the others cannot change the choice: another network can only win on
photos the recommended one got wrong, and fewer than five wins are never clear (1/2**4 > 0.05). Then they
are not measured (on the hot-dog photos that saves 8 of the 13 s the choice took).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .backbones import DEFAULT_BACKBONE, get_backbone, locate_weights
from ..data.dataset import ImageRecord
from ..errors import BackboneUnavailable
from .features import compute_embeddings
from ..training.head import stratified_folds, train_heads
from ..i18n import sentences, tr
from ..progress import CancelToken, NullObserver, Observer, Phase, Stage
from ..percent import percent

BEST = "best"  # TrainingConfig.backbone for "Best for my photos"
# The recommended network first: the one kept unless another is clearly better. MobileNetV2 is not
# measured: it was behind EfficientNet-Lite0 at every picture size on held-out photos (bench_networks.py),
# so it could only win by luck, and measuring it cost about 5 s.
CANDIDATES = (DEFAULT_BACKBONE, "efficientnet_lite2")
SAMPLE_PHOTOS = 60
SIGNIFICANCE = 0.05
# The fewest photos another network must win, losing none, to be clearly better (the sign test at n = wins).
FEWEST_CLEAR_WINS = next(n for n in range(1, 64) if 0.5 ** n < SIGNIFICANCE)


@dataclass(frozen=True)
class NetworkScore:
    backbone: str
    right: int  # sampled photos it got right, each judged by an output layer that had not seen it
    photos: int


@dataclass(frozen=True)
class NetworkChoice:
    backbone: str  # the one chosen
    scores: tuple[NetworkScore, ...]  # candidates in the order they were measured
    sample: int  # photos each candidate looked at
    photos: int  # photos the run trains on
    unmeasured: tuple[str, ...] = ()  # candidates left out: the reference erred too rarely for them to win clearly

    def words(self) -> str:
        measured = ", ".join(tr("{network}: {right} of {photos} right ({share})",
                                network=get_backbone(s.backbone).label, right=s.right, photos=s.photos,
                                share=percent(s.right / s.photos)) for s in self.scores)
        said = tr("Best for my photos: measured on {sample} of your {photos} photos — {measured}. Chose {network}.",
                  sample=self.sample, photos=self.photos, measured=measured,
                  network=get_backbone(self.backbone).label)
        if not self.unmeasured:
            return said
        reference = self.scores[0]
        return sentences([said, tr("{networks} not measured: with only {wrong} of {photos} wrong, no network could be "
                                    "clearly better on these photos.",
                                    networks=", ".join(get_backbone(b).label for b in self.unmeasured),
                                    wrong=reference.photos - reference.right, photos=reference.photos)])

    def as_dict(self) -> dict:
        return {"chosen": self.backbone, "sample": self.sample, "photos": self.photos,
                "scores": [{"backbone": s.backbone, "right": s.right, "photos": s.photos} for s in self.scores],
                "not_measured": list(self.unmeasured)}


def stratified_sample(records: Sequence[ImageRecord], size: int, seed: int) -> list[ImageRecord]:
    """About `size` records with the classes in proportion (every class at least two, where it has them)."""
    if len(records) <= size:
        return list(records)
    rng = np.random.default_rng(seed)
    by_class: dict[str, list[ImageRecord]] = {}
    for r in records:
        by_class.setdefault(r.label, []).append(r)
    sample: list[ImageRecord] = []
    for members in by_class.values():
        take = max(min(2, len(members)), round(size * len(members) / len(records)))
        sample.extend(members[i] for i in sorted(rng.permutation(len(members))[:take]))
    return sample


def clearly_better(candidate: np.ndarray, reference: np.ndarray) -> bool:
    """Whether `candidate` is right on clearly more photos than `reference` (paired: exact sign test)."""
    wins = int(np.sum(candidate & ~reference))
    losses = int(np.sum(reference & ~candidate))
    n = wins + losses
    if wins <= losses:
        return False
    p = sum(math.comb(n, k) for k in range(wins, n + 1)) / 2 ** n
    return p < SIGNIFICANCE


class _SampleProgress(NullObserver):
    """Feature progress of every candidate as one count, under the choosing stage."""

    def __init__(self, observer: Observer, total: int):
        self.observer, self.total, self.offset = observer, total, 0

    def on_progress(self, phase: Phase, done: int, total: int) -> None:
        self.observer.on_progress(Phase.CHOOSING, self.offset + done, self.total)


def choose_network(records: Sequence[ImageRecord], config, observer: Observer | None = None,
                   cancel: CancelToken | None = None) -> NetworkChoice:
    """Measure the installed candidates on a sample of `records` with `config`'s head settings; pick one.

    Each at its own picture size, unless `config.image_size` names one for all."""
    observer = observer or NullObserver()
    cancel = cancel or CancelToken()
    installed = []
    for backbone_id in CANDIDATES:
        try:
            locate_weights(get_backbone(backbone_id))
            installed.append(backbone_id)
        except BackboneUnavailable:
            continue
    sample = stratified_sample(records, SAMPLE_PHOTOS, config.seed)
    observer.on_stage(Stage.CHOOSING)
    progress = _SampleProgress(observer, len(sample) * len(installed))
    scores: list[NetworkScore] = []
    right: dict[str, dict[str, bool]] = {}
    for measured, backbone_id in enumerate(installed):
        if scores and scores[0].photos - scores[0].right < FEWEST_CLEAR_WINS:
            observer.on_progress(Phase.CHOOSING, progress.total, progress.total)
            return NetworkChoice(installed[0], tuple(scores), len(sample), len(records), tuple(installed[measured:]))
        backbone = get_backbone(backbone_id)
        emb = compute_embeddings(sample, backbone, config.image_size or backbone.image_size, progress, cancel)
        progress.offset += len(sample)
        classes = sorted({r.label for r in emb.records})
        labels = np.array([classes.index(r.label) for r in emb.records])
        folds = stratified_folds(labels, max(2, config.folds), config.seed)  # judging needs held-out photos
        head = train_heads(emb.features, labels, folds, len(classes), config.head_settings, cancel)
        judged = {r.path: bool(p.argmax() == y) for r, p, y, f in zip(emb.records, head.oof_probabilities, labels,
                                                                      folds, strict=True) if f >= 0}
        right[backbone_id] = judged
        scores.append(NetworkScore(backbone_id, sum(judged.values()), len(judged)))
    return NetworkChoice(decide(right), tuple(scores), len(sample), len(records))


def decide(right: dict[str, dict[str, bool]]) -> str:
    """The network to train on, from each candidate's right/wrong per photo (the reference first)."""
    reference, *others = right
    # Only photos every candidate read and held out count, so the comparison is paired.
    common = sorted(set.intersection(*(set(answers) for answers in right.values())))
    answers = {b: np.array([right[b][p] for p in common], dtype=bool) for b in right}
    better = [b for b in others if clearly_better(answers[b], answers[reference])]
    return max(better, key=lambda b: answers[b].sum(), default=reference)

""""To improve this model": what to photograph next, read from the answers of pictures the model had not seen.

Two things help a small image classifier most, and the held-out answers show both: photos of a class that
look like the class it is taken for (the confusions, largest first), and more photos of a class that has few
and is found less often than the others. Each piece of advice names the class to add photos to, says why in
numbers, and carries the photos that show the problem.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..i18n import tr
from ..percent import percent
from .evaluation import Evaluation

MOST_CONFUSIONS = 3
FEW = 0.5  # a class with under half the photos of the largest one has "few"
EXAMPLES = 6
CLIMBING = 0.02  # accuracy gained per doubling of the photos, from which "more photos will help"


@dataclass(frozen=True)
class Advice:
    label: str  # the class to add photos to; "" for advice about all of them
    words: str  # in the user's language
    examples: list[str] = field(default_factory=list)  # photos that show it (mistakes), most telling first


def advise(ev: Evaluation, train_counts: dict[str, int], curve: Sequence[tuple[int, float]] = ()) -> list[Advice]:
    """Advice from `ev`, most useful first; `train_counts`: the photos each class was trained on; `curve`: the
    model's learning curve (photos, held-out accuracy), when training measured one."""
    return _confusions(ev) + _too_few(ev, train_counts) + _more_photos(curve)


def _more_photos(curve: Sequence[tuple[int, float]]) -> list[Advice]:
    """Whether more photos of the same kind would help: the accuracy gained per doubling of the photos, from
    a straight line through the curve against log2(photos)."""
    if len(curve) < 3:
        return []
    photos = np.log2([n for n, _ in curve])
    accuracy = np.array([a for _, a in curve])
    per_doubling = float(np.polyfit(photos, accuracy, 1)[0])
    measured = ", ".join(tr("{share} with {n} photos", share=percent(a), n=n) for n, a in curve)
    total = curve[-1][0]
    if per_doubling >= CLIMBING:
        words = tr("More photos will likely help: held-out accuracy still grows with their number ({measured}). "
                   "Twice as many (about %n more) would likely add about {points} points.", "", total,
                   measured=measured, points=round(per_doubling * 100))
    else:
        words = tr("More photos like these would add little: held-out accuracy hardly grows with their number "
                   "({measured}). Add photos unlike the ones you have (other light, backgrounds, angles), most of all "
                   "of the classes it confuses.", measured=measured)
    return [Advice("", words)]


def _confusions(ev: Evaluation) -> list[Advice]:
    pairs = [(count, true, predicted) for true, row in zip(ev.classes, ev.confusion_matrix, strict=True)
             for predicted, count in zip(ev.classes, row, strict=True) if true != predicted and count]
    advice = []
    for count, true, predicted in sorted(pairs, key=lambda pair: -pair[0])[:MOST_CONFUSIONS]:
        support = ev.per_class[true].support
        examples = [p.path for p, label in ev.mistakes if label == true and p.label == predicted][:EXAMPLES]
        advice.append(Advice(true, tr("Add photos of “{true}” that look like “{predicted}”: the model took %n of the "
                                      "{support} “{true}” photos for “{predicted}” (see them among the "
                                      "mistakes).", "", count, true=true, predicted=predicted, support=support),
                             examples))
    return advice


def _too_few(ev: Evaluation, train_counts: dict[str, int]) -> list[Advice]:
    counts = {c: train_counts.get(c, 0) for c in ev.classes}
    if not counts or max(counts.values()) == 0:
        return []
    largest = max(counts.values())
    advice = []
    for c in sorted(ev.classes, key=lambda c: ev.per_class[c].recall):
        found = ev.per_class[c].recall
        if counts[c] < FEW * largest and ev.per_class[c].support and found < ev.accuracy:
            examples = [p.path for p, label in ev.mistakes if label == c][:EXAMPLES]
            advice.append(Advice(c, tr("“{label}” needs more photos: it has %n for training, against {largest} for "
                                       "the largest class, and the model finds only {found} of its photos "
                                       "(overall it is right on {overall}). Aim for about {largest} varied photos.",
                                       "", counts[c], label=c, largest=largest, found=percent(found),
                                       overall=percent(ev.accuracy)), examples))
    return advice

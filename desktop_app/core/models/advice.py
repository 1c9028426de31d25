""""To improve this model": what to photograph next, read from the answers of pictures the model had not seen.

Two things help a small image classifier most, and the held-out answers show both: photos of a class that
look like the class it is taken for (the confusions, largest first), and more photos of a class that has few
and is found less often than the others. Each piece of advice names the class to add photos to, says why in
numbers, and carries the photos that show the problem.
"""

from dataclasses import dataclass, field

from ..i18n import tr
from ..percent import percent
from .evaluation import Evaluation

MOST_CONFUSIONS = 3
FEW = 0.5  # a class with under half the photos of the largest one has "few"
EXAMPLES = 6


@dataclass(frozen=True)
class Advice:
    label: str  # the class to add photos to
    words: str  # in the user's language
    examples: list[str] = field(default_factory=list)  # photos that show it (mistakes), most telling first


def advise(ev: Evaluation, train_counts: dict[str, int]) -> list[Advice]:
    """Advice from `ev`, most useful first; `train_counts`: the photos each class was trained on."""
    return _confusions(ev) + _too_few(ev, train_counts)


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

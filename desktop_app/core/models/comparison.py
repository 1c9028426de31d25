"""Is a new model better than the one in use? Only what is comparable is compared, and luck is ruled out.

Two models are compared on the photos both were judged on while training (each photo by an output layer
that had not seen it), filed under the same class in both runs. On those photos a paired test looks only
at where they disagree: McNemar's exact test asks whether "the new one is right, the old one wrong"
outnumbers the reverse by more than luck would. A 89 % against 90 % on 200 photos (2 photos) is no real
difference; models that know different classes are not ranked at all.
"""

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np

from ..i18n import tr
from .metadata import HeldOutAnswers, ModelMetadata

ALPHA = 0.05  # below this chance of a difference this large by luck alone, the difference is called real


class Verdict(Enum):
    BETTER = "better"
    WORSE = "worse"
    NO_REAL_DIFFERENCE = "no real difference"
    DIFFERENT_CLASSES = "different classes"
    NOT_ON_THE_SAME_PHOTOS = "not on the same photos"


@dataclass(frozen=True)
class Comparison:
    verdict: Verdict
    photos: int = 0  # judged by both, filed alike
    new_right: int = 0
    old_right: int = 0
    only_new_right: int = 0  # the new model right, the old one wrong
    only_old_right: int = 0
    p_value: float | None = None

    def words(self) -> str:
        """One or two sentences for the user, in their language."""
        if self.verdict is Verdict.DIFFERENT_CLASSES:
            return tr("The two models know different classes, so they cannot be ranked against each other.")
        if self.verdict is Verdict.NOT_ON_THE_SAME_PHOTOS:
            return tr("The two models were not tested on the same photos, so they cannot be compared.")
        on = tr("On the {photos} held-out photos both were tested on, the new model is right on {new}, the model "
                "in use on {old}.", photos=self.photos, new=self.new_right, old=self.old_right)
        differ = self.only_new_right + self.only_old_right
        if self.verdict is Verdict.BETTER:
            return on + " " + tr("The new model is better: of the {differ} photos they answer differently, it "
                                 "gets {wins} right, too many to be luck.", differ=differ, wins=self.only_new_right)
        if self.verdict is Verdict.WORSE:
            return on + " " + tr("The new model is worse: of the {differ} photos they answer differently, the "
                                 "model in use gets {wins} right, too many to be luck.", differ=differ,
                                 wins=self.only_old_right)
        return on + " " + tr("No real difference: they answer %n photo(s) differently, which luck alone "
                             "could explain.", "", differ)


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Two-sided exact McNemar p-value: the chance, if both were equally good, of disagreements split at
    least this unevenly."""
    n = only_a + only_b
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(only_a, only_b) + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def compare(new: ModelMetadata, old: ModelMetadata) -> Comparison:
    if set(new.classes) != set(old.classes):
        return Comparison(Verdict.DIFFERENT_CLASSES)
    new_answers, old_answers = _right_by_photo(new), _right_by_photo(old)
    shared = [p for p in new_answers if p in old_answers and new_answers[p][0] == old_answers[p][0]]
    if not shared:
        return Comparison(Verdict.NOT_ON_THE_SAME_PHOTOS)
    a = np.array([new_answers[p][1] for p in shared])
    b = np.array([old_answers[p][1] for p in shared])
    only_new, only_old = int((a & ~b).sum()), int((b & ~a).sum())
    p = mcnemar_exact(only_new, only_old)
    verdict = (Verdict.NO_REAL_DIFFERENCE if p >= ALPHA
               else Verdict.BETTER if only_new > only_old else Verdict.WORSE)
    return Comparison(verdict, len(shared), int(a.sum()), int(b.sum()), only_new, only_old, p)


def _right_by_photo(meta: ModelMetadata) -> dict[str, tuple[str, bool]]:
    """Each held-out photo: (the class it was filed under, whether the model's answer was that class)."""
    answers: HeldOutAnswers | None = meta.validation
    if answers is None:
        return {}
    return {path: (label, meta.classes[int(np.argmax(probabilities))] == label)
            for path, label, probabilities in zip(answers.paths, answers.labels, answers.probabilities, strict=True)}

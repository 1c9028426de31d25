"""Embeddings: each image's backbone features, computed once per image content and kept on disk.

Each image gets two rows: the picture as it is and mirrored left-right. The mirrored view doubles the
examples the output layer learns from, for the price of one more forward pass per new image.

Retraining on the same pictures recomputes nothing; adding ten pictures computes ten. The cache lives
in the user's cache folder (never in the dataset) and is keyed by the file's SHA-256, the backbone, its
weights and the input size, so a renamed or moved file is still found.
"""

import collections
import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import paths
from ..atomic import atomic_path
from .backbones import Backbone, file_digest, build_network, locate_weights
from ..data.dataset import ImageRecord, SkippedFile
from ..errors import ImageError, SaveError
from ..i18n import tr
from ..data.images import decode, read_bytes
from ..progress import CancelToken, NullObserver, Observer, Phase, Stage
from ..tf_runtime import tensorflow

# Bump when decoding or resizing changes, so old embeddings are not mixed with new ones.
DECODE_VERSION = 4  # 4: photos are cropped to a centred square, not squashed
BATCH_SIZE = 32


def decode_workers() -> int:
    return max(2, os.cpu_count() or 2)


class FeatureCache:
    def __init__(self, backbone: Backbone, image_size: int, weights: Path, root: Path | None = None):
        key = f"{backbone.id}-{image_size}px-{file_digest(weights, 'sha256')[:16]}-v{DECODE_VERSION}"
        self.folder = (root or paths.cache_dir() / "features") / key
        self.damaged = 0  # entries get() found unusable; they are computed again and overwritten

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.npy"

    def get(self, sha256: str) -> np.ndarray | None:
        """The stored float16 vectors (2 views x features), or None: absent, or not such vectors (a file
        damaged or replaced outside our control broke every later run on that photo); `damaged` counts those."""
        try:
            vector = np.load(self._path(sha256), allow_pickle=False)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.damaged += 1
            return None
        if vector.dtype != np.float16 or vector.ndim != 2 or vector.shape[0] != 2 or not vector.shape[1] \
                or not np.isfinite(vector).all():
            self.damaged += 1
            return None
        return vector

    def put(self, sha256: str, vector: np.ndarray) -> np.ndarray:
        """Store; return the vector as `get` will give it back, so fresh and cached runs agree exactly."""
        stored = vector.astype(np.float16)  # half the disk; features need no more precision
        try:
            with atomic_path(self._path(sha256)) as tmp, open(tmp, "wb") as f:
                np.save(f, stored, allow_pickle=False)
        except SaveError:
            pass  # the cache only saves time: a full disk must not stop the run, which has the vector
        return stored


def iter_decoded(files: Sequence[str], size: int, batch_size: int,
                 transform: Callable[[np.ndarray, int], np.ndarray] | None = None,
                 checksums: Sequence[str] | None = None, crop: bool = True, workers: int | None = None
                 ) -> Iterator[tuple[list[int], np.ndarray | None, list[tuple[int, str]]]]:
    """Decode images in parallel, one batch ahead of the consumer.

    Yields (indices decoded, uint8 batch or None, [(index, reason)] that failed).
    `transform(image, index)` runs in the decoding threads (augmentation). With `checksums`, a file whose
    content is no longer what was scanned fails, rather than being learnt under its old identity.
    `crop`: as images.decode (False only for models made before photos were cropped).
    """

    def work(i: int) -> np.ndarray:
        data = read_bytes(files[i])
        if checksums is not None and hashlib.sha256(data).hexdigest() != checksums[i]:
            raise ImageError(tr("the file changed after the folder was read; read the folder again to use it"))
        img = decode(data, size, crop)
        return transform(img, i) if transform else img

    batches = [range(s, min(s + batch_size, len(files))) for s in range(0, len(files), batch_size)]
    with ThreadPoolExecutor(max_workers=workers or decode_workers()) as pool:
        submit = lambda b: [(i, pool.submit(work, i)) for i in b]  # noqa: E731
        pending: list[list[tuple[int, Future]]] = [submit(batches[0])] if batches else []
        for n in range(len(batches)):
            if n + 1 < len(batches):
                pending.append(submit(batches[n + 1]))
            ok, images, failed = [], [], []
            for i, fut in pending.pop(0):
                try:
                    images.append(fut.result())
                    ok.append(i)
                except ImageError as exc:
                    failed.append((i, str(exc)))
            yield ok, (np.stack(images) if images else None), failed


@functools.lru_cache(maxsize=1)
def _feature_network(backbone: Backbone, image_size: int, weights: Path, strategy):
    """The feature network, kept for the next call with the same arguments: "Best for my photos" measures the
    chosen network on a sample, then training looks at the rest of the photos with it (building and
    tracing a network again costs 2-3 s). Frozen, so sharing it changes no result."""
    return build_network(backbone, image_size, weights)[0]


def _padded(batch: np.ndarray) -> np.ndarray:
    """The batch filled up to BATCH_SIZE with black pictures: one input shape, so TensorFlow traces the
    network once instead of again for a last, smaller batch (1-2 s, more than the padding costs)."""
    missing = BATCH_SIZE - len(batch)
    return np.concatenate([batch, np.zeros((missing, *batch.shape[1:]), batch.dtype)]) if missing else batch


def _forward(model, batch: np.ndarray) -> np.ndarray:
    # predict_on_batch is about 30% faster than predict on a CPU (no input pipeline made per call), but
    # under a MirroredStrategy it gives every device the whole batch and returns it once per device;
    # predict splits the batch between them.
    if tensorflow().distribute.get_strategy().num_replicas_in_sync > 1:
        return model.predict(batch, batch_size=len(batch), verbose=0)
    return np.asarray(model.predict_on_batch(batch))


@dataclass
class Embeddings:
    records: list[ImageRecord]  # those that decoded, in input order
    features: np.ndarray  # (records, 2 views: as is and mirrored, feature size)
    skipped: list[SkippedFile]
    computed: int  # images that went through the backbone in this call (0 when all were cached)
    repaired: int = 0  # of those, images whose cached features were damaged


def _cached(records: Sequence[ImageRecord], cache: FeatureCache
            ) -> tuple[dict[str, np.ndarray], dict[str, ImageRecord]]:
    """The cached features by photo checksum, and the photos that have none (or a damaged one)."""
    found: dict[str, np.ndarray] = {}
    missing: dict[str, ImageRecord] = {}
    for r in records:
        if r.sha256 not in found and r.sha256 not in missing:
            vec = cache.get(r.sha256)
            if vec is None:
                missing[r.sha256] = r
            else:
                found[r.sha256] = vec
    # One network, one feature size: an entry of another size is damaged too (the most common size wins).
    sizes = collections.Counter(v.shape[1] for v in found.values())
    if len(sizes) > 1:
        size = sizes.most_common(1)[0][0]
        for sha256 in [k for k, v in found.items() if v.shape[1] != size]:
            missing[sha256] = next(r for r in records if r.sha256 == sha256)
            del found[sha256]
            cache.damaged += 1
    return found, missing


def compute_embeddings(records: Sequence[ImageRecord], backbone: Backbone, image_size: int,
                       observer: Observer | None = None, cancel: CancelToken | None = None) -> Embeddings:
    observer = observer or NullObserver()
    cancel = cancel or CancelToken()
    weights = locate_weights(backbone)
    cache = FeatureCache(backbone, image_size, weights)
    found, missing = _cached(records, cache)
    failed: dict[str, str] = {}
    if missing:
        observer.on_stage(Stage.FEATURES)
        todo = list(missing.values())
        model = _feature_network(backbone, image_size, weights, tensorflow().distribute.get_strategy())
        done = 0
        observer.on_progress(Phase.FEATURES, 0, len(todo))
        for ok, batch, bad in iter_decoded([r.path for r in todo], image_size, BATCH_SIZE,
                                          checksums=[r.sha256 for r in todo]):
            cancel.raise_if_cancelled()
            if batch is not None:
                padded = _padded(batch)
                views = np.concatenate([padded, padded[:, :, ::-1]]).astype(np.float32)
                vectors = _forward(model, views).reshape(2, BATCH_SIZE, -1)
                for j, i in enumerate(ok):
                    found[todo[i].sha256] = cache.put(todo[i].sha256, vectors[:, j])
            failed.update((todo[i].sha256, reason) for i, reason in bad)
            done += len(ok) + len(bad)
            observer.on_progress(Phase.FEATURES, done, len(todo))
    kept = [r for r in records if r.sha256 in found]
    skipped = [SkippedFile(r.path, failed[r.sha256]) for r in records if r.sha256 in failed]
    dim = next(iter(found.values())).shape[-1] if found else 0
    # Vectors are held as float16 until here: 20,000 photos' features then take 200 MB, not 400.
    features = np.empty((len(kept), 2, dim), np.float32)
    for i, r in enumerate(kept):
        features[i] = found[r.sha256]
    return Embeddings(kept, features, skipped, len(missing) - len(failed), cache.damaged)

"""Make the bundled EfficientNet-Lite weight files from the unmodified PyTorch files (no torch needed).

    python scripts/convert_efficientnet_lite.py [--sources DIR] [--out DIR] [--with-top]

--sources: the folder with efficientnet-lite0-57934424.pth and efficientnet-lite2-9656183e.pth (default:
../shared/models/sources/efficientnet_lite beside the checkout). --out: where the .weights.h5 files go
(default: the package's bundled models). --with-top: keep the 1000-class ImageNet layer too (for checking
that the network names ImageNet photos right; the app bundles the files without it).

Each source is checked against its SHA-256 before a byte of it is unpickled, and read with an unpickler
that knows only what a state dict of float tensors needs: a pickle can run code. Every tensor is given to
exactly one Keras weight, with its shape checked, and the parameter count must equal PROVENANCE §5.
"""

import argparse
import collections
import hashlib
import io
import pickle
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# variant -> (source file, its SHA-256, parameters with the ImageNet layer, bundled file name)
SOURCES = {
    "EfficientNetLite0": ("efficientnet-lite0-57934424.pth",
                          "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db", 4_694_024,
                          "efficientnet_lite0_imagenet_no_top.weights.h5"),
    "EfficientNetLite2": ("efficientnet-lite2-9656183e.pth",
                          "9656183eaeafe8cbf0cf560089305d34668787f6a26377ccbe5be192ed3f855d", 6_150_168,
                          "efficientnet_lite2_imagenet_no_top.weights.h5"),
}
TOP_PARAMETERS = 1280 * 1000 + 1000
_ELEMENT = {"FloatStorage": np.dtype("<f4"), "LongStorage": np.dtype("<i8")}
_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class _Storage:
    def __init__(self, kind: str, numel: int):
        self.kind, self.numel, self.data = kind, numel, None


class _TensorRef:
    def __init__(self, storage: _Storage, offset: int, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def array(self) -> np.ndarray:
        dtype = self.storage.data.dtype
        view = np.lib.stride_tricks.as_strided(self.storage.data[self.offset:], self.size,
                                               tuple(s * dtype.itemsize for s in self.stride))
        return np.array(view)  # a contiguous copy


def _rebuild_tensor_v2(storage, offset, size, stride, *_rest):
    return _TensorRef(storage, offset, size, stride)


class _StateDictUnpickler(pickle.Unpickler):
    """Only OrderedDict, the tensor-rebuild function and the two storage types: nothing else is callable."""

    _ALLOWED = {("collections", "OrderedDict"): collections.OrderedDict,
                ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor_v2,
                ("torch", "FloatStorage"): "FloatStorage", ("torch", "LongStorage"): "LongStorage"}

    def __init__(self, file, storages: dict):
        super().__init__(file)
        self.storages = storages

    def find_class(self, module, name):
        try:
            return self._ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"refused: {module}.{name} is not part of a plain state dict") from None

    def persistent_load(self, pid):
        kind, storage_type, key, _location, numel = pid[:5]
        if kind != "storage" or storage_type not in _ELEMENT:
            raise pickle.UnpicklingError(f"refused storage {pid!r}")
        return self.storages.setdefault(key, _Storage(storage_type, numel))


class _DataOnly(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refused: {module}.{name} in a header")


def read_state_dict(path: Path, sha256: str) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{path}: SHA-256 {digest}, expected {sha256}; not reading it")
    f = io.BytesIO(data)
    if _DataOnly(f).load() != _LEGACY_MAGIC:
        raise SystemExit(f"{path}: not a legacy torch.save file")
    _DataOnly(f).load()  # protocol version
    _DataOnly(f).load()  # sys info
    storages: dict[str, _Storage] = {}
    state = _StateDictUnpickler(f, storages).load()
    for key in _DataOnly(f).load():
        storage = storages[key]
        (numel,) = struct.unpack("<q", f.read(8))
        element = _ELEMENT[storage.kind]
        storage.data = np.frombuffer(f.read(numel * element.itemsize), element)
        if numel != storage.numel or len(storage.data) != numel:
            raise SystemExit(f"{path}: storage {key} is truncated")
    if f.read(1):
        raise SystemExit(f"{path}: unexpected bytes after the last storage")
    return {name: ref.array() for name, ref in state.items()}


def _bn(prefix: str) -> list[str]:
    return [f"{prefix}.weight", f"{prefix}.bias", f"{prefix}.running_mean", f"{prefix}.running_var"]


def _conv(w: np.ndarray) -> np.ndarray:
    return w.transpose(2, 3, 1, 0)  # OIHW -> HWIO


def _depthwise(w: np.ndarray) -> np.ndarray:
    return w.transpose(2, 3, 0, 1)  # (C, 1, kh, kw) -> (kh, kw, C, 1)


def tensor_map(model, with_top: bool) -> list[tuple[str, list[str], object]]:
    """(Keras layer, the PyTorch tensors for its weights in order, layout change) for every weighted layer."""
    rows = [("stem_conv", ["_conv_stem.weight"], _conv), ("stem_bn", _bn("_bn0"), None)]
    b = 0
    while any(layer.name == f"block{b}_dwconv" for layer in model.layers):
        p, t = f"block{b}", f"_blocks.{b}"
        if any(layer.name == f"{p}_expand_conv" for layer in model.layers):
            rows += [(f"{p}_expand_conv", [f"{t}._expand_conv.weight"], _conv),
                     (f"{p}_expand_bn", _bn(f"{t}._bn0"), None)]
        rows += [(f"{p}_dwconv", [f"{t}._depthwise_conv.weight"], _depthwise),
                 (f"{p}_dw_bn", _bn(f"{t}._bn1"), None),
                 (f"{p}_project_conv", [f"{t}._project_conv.weight"], _conv),
                 (f"{p}_project_bn", _bn(f"{t}._bn2"), None)]
        b += 1
    rows += [("head_conv", ["_conv_head.weight"], _conv), ("head_bn", _bn("_bn1"), None)]
    if with_top:
        rows.append(("predictions", ["_fc.weight", "_fc.bias"], "fc"))
    return rows


def convert(variant: str, sources: Path, out: Path, with_top: bool) -> Path:
    from desktop_app.core.networks.efficientnet_lite import efficientnet_lite

    source, sha256, total, bundled_name = SOURCES[variant]
    state = read_state_dict(sources / source, sha256)
    model = efficientnet_lite(variant, include_top=with_top)
    used: set[str] = set()
    for layer_name, names, layout in tensor_map(model, with_top):
        layer = model.get_layer(layer_name)
        arrays = [state[n] for n in names]
        if layout == "fc":
            arrays = [arrays[0].T, arrays[1]]
        elif layout is not None:
            arrays = [layout(arrays[0])]
        expected = [tuple(w.shape) for w in layer.get_weights()]
        if [a.shape for a in arrays] != expected:
            raise SystemExit(f"{variant}: {layer_name} wants {expected}, the file has {[a.shape for a in arrays]}")
        layer.set_weights(arrays)
        used.update(names)
    ignored = {n for n in state if n.endswith("num_batches_tracked")}  # a training counter, not a weight
    left = set(state) - used - ignored - ({"_fc.weight", "_fc.bias"} if not with_top else set())
    if left:
        raise SystemExit(f"{variant}: tensors without a place in the network: {sorted(left)[:5]}")
    in_file = sum(state[n].size for n in state if n not in ignored)
    expected_total = total if with_top else total - TOP_PARAMETERS
    if in_file != total or model.count_params() != expected_total:
        raise SystemExit(f"{variant}: {model.count_params()} parameters in the network, {in_file} in the file; "
                         f"PROVENANCE says {total} with the ImageNet layer")
    out.mkdir(parents=True, exist_ok=True)
    target = out / (bundled_name.replace("_no_top", "") if with_top else bundled_name)
    model.save_weights(str(target))
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared/models/sources/efficientnet_lite")
    parser.add_argument("--out", type=Path, default=ROOT / "desktop_app/resources/models")
    parser.add_argument("--with-top", action="store_true")
    args = parser.parse_args(argv)
    for variant in SOURCES:
        path = convert(variant, args.sources, args.out, args.with_top)
        print(f"{variant}: {path} ({path.stat().st_size:,} bytes, "
              f"sha256 {hashlib.sha256(path.read_bytes()).hexdigest()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

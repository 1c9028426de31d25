"""Turn any image file a user may have into an upright RGB array, or say clearly why not."""

import io
import os
import stat
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ..errors import ImageError
from ..i18n import tr

IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".avif",
                              ".heic", ".heif"})
# 50 megapixels: larger than any camera photo a user trains on, small enough to decode safely.
MAX_PIXELS = 50_000_000
# The most bytes a file of MAX_PIXELS can need: 4 bytes a pixel uncompressed (BMP, TIFF), plus metadata.
MAX_FILE_BYTES = 4 * MAX_PIXELS + 16_000_000
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin", "system volume information"})

# Pillow raises (rather than decoding garbage) on truncated files; we want that, so keep it False.
ImageFile.LOAD_TRUNCATED_IMAGES = False

try:
    # HEIC, the iPhone camera's format. An add-on the user installs (pip install "finetune-studio[heic]"), not a
    # dependency: its wheels are GPLv2 (they carry the x265 encoder), which this Apache-2.0 app cannot ship.
    import pillow_heif
except ImportError:
    READS_HEIC = False
else:
    pillow_heif.register_heif_opener()
    READS_HEIC = True
# HEIF containers by the brands in their first box (ISO/IEC 23008-12); AVIF is told apart by its own brand.
_HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


def is_image_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS


def name_patterns() -> str:
    """The image file names a file dialog offers: '*.avif *.bmp …'."""
    return " ".join(f"*{e}" for e in sorted(IMAGE_EXTENSIONS))


def is_junk_name(name: str) -> bool:
    """Hidden files and operating-system clutter that users never meant as data."""
    return name.startswith(".") or name.lower() in _JUNK_NAMES


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str


def _open(data: bytes) -> Image.Image:
    if not data:
        raise ImageError(tr("empty file (0 bytes)"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise ImageError(_unreadable_format(data)) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(tr("too many pixels (over {limit} megapixels)", limit=MAX_PIXELS // 1_000_000)) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(tr("cannot read image ({problem})", problem=exc)) from None
    if img.width * img.height > MAX_PIXELS:
        raise ImageError(tr("too many pixels ({width}x{height}, over {limit} megapixels)", width=img.width,
                            height=img.height, limit=MAX_PIXELS // 1_000_000))
    if img.width < 1 or img.height < 1:
        raise ImageError(tr("image has no pixels"))
    return img


def _unreadable_format(data: bytes) -> str:
    """Why Pillow did not know the file: a format this installation lacks is named, with what to do."""
    brands = data[8:64] if data[4:8] == b"ftyp" else b""
    if b"avif" in brands:
        return tr("AVIF picture: the Pillow library installed with this app cannot read AVIF; save it as JPEG")
    if any(brand in brands for brand in _HEIC_BRANDS):
        return tr("HEIC photo (the iPhone camera's format): reading it needs the HEIC add-on (see Troubleshooting "
                  "in the README); or save it as JPEG")
    return tr("not an image, or an image format that cannot be read")


def probe(data: bytes) -> ImageInfo:
    """Cheap check of the header only: format and size, without decoding the pixels."""
    img = _open(data)
    return ImageInfo(img.width, img.height, img.format or "?")


def verify(data: bytes) -> ImageInfo:
    """probe(), and all the pixels are there, so a photo the scan accepts is one training can decode.

    A JPEG or PNG that ends the way its format ends (JPEG's end marker, PNG's IEND chunk) is whole: the
    check stays a header read for nearly every photo of a 20,000-photo folder. Any other file (trailing
    bytes after the marker, another format) is decoded, small."""
    info = probe(data)
    if info.format == "JPEG" and data[-1024:].rstrip(b"\0").endswith(b"\xff\xd9"):  # some pad with zeros
        return info
    if info.format == "PNG" and data[-8:-4] == b"IEND":
        return info
    decode(data, size=32)
    return info


def to_rgb(img: Image.Image) -> Image.Image:
    """Any mode (grayscale, 16-bit, palette, CMYK, alpha) to 8-bit RGB; transparency becomes white."""
    if img.mode == "RGB":
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16/32-bit grayscale: scale to 8 bits instead of letting Pillow clip everything above 255.
        arr = np.asarray(img, dtype=np.float64)
        peak = arr.max() if arr.size else 0
        scale = 255.0 / (65535.0 if peak > 255 else 255.0)
        img = Image.fromarray(np.clip(arr * scale, 0, 255).astype(np.uint8), "L")
    if img.mode == "P":
        img = img.convert("RGBA") if "transparency" in img.info else img.convert("RGB")
    if img.mode in ("RGBA", "LA", "PA") or img.mode.endswith("A"):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")


def centre_square(height: int, width: int) -> tuple[int, int, int]:
    """(top, left, side) of the largest centred square: what a model's crop_resize layer keeps of a photo.

    The same integer arithmetic as Keras' Resizing(crop_to_aspect_ratio=True), so the app and an exported
    model that is handed the whole photo crop the same pixels.
    """
    side = min(height, width)
    return (height - side) // 2, (width - side) // 2, side


def fit(img: Image.Image, size: int, crop: bool = True) -> Image.Image:
    """`img` at size x size pixels, as the model sees it (see decode)."""
    box = None
    if crop:
        top, left, side = centre_square(img.height, img.width)
        box = (left, top, left + side, top + side)
    return img.resize((size, size), Image.Resampling.BILINEAR, box=box, reducing_gap=2.0)


def decode(data: bytes, size: int | None = None, crop: bool = True) -> np.ndarray:
    """Decode bytes to an upright RGB uint8 array; with `size`, size x size pixels.

    `crop`: keep the aspect ratio and take the centred square, as the model's own crop_resize layer does;
    otherwise squash the whole photo to a square (what models made before that layer were trained on).
    """
    img = _open(data)
    try:
        if size is not None and img.format == "JPEG":
            # Let libjpeg decode at a reduced scale: a 24-megapixel photo then costs what a small one does.
            # Its short side stays at least twice `size`, so the square cut from it is still sharp.
            img.draft("RGB", (size * 2, size * 2))
        img.seek(0)  # first frame of an animation
        img.load()
        img = to_rgb(ImageOps.exif_transpose(img) or img)
        return np.asarray(img if size is None else fit(img, size, crop), dtype=np.uint8)
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        reason = (tr("file is truncated or damaged") if "truncated" in str(exc).lower()
                  else tr("cannot decode image ({problem})", problem=exc))
        raise ImageError(reason) from None


def thumbnail(path: str | os.PathLike, size: int) -> np.ndarray:
    """An upright RGB preview that fits in size x size, keeping the aspect ratio."""
    img = _open(read_bytes(path))
    try:
        if img.format == "JPEG":
            img.draft("RGB", (size, size))
        img.seek(0)
        img = to_rgb(ImageOps.exif_transpose(img) or img)
        img.thumbnail((size, size), Image.Resampling.BILINEAR)
        return np.asarray(img, dtype=np.uint8)
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageError(tr("cannot decode image ({problem})", problem=exc)) from None


def read_bytes(path: str | os.PathLike) -> bytes:
    """The whole file, if it is a regular file (links followed) no larger than MAX_FILE_BYTES.

    A link to /dev/zero named like a photo filled 19 GB of memory, and a named pipe blocked the scan for
    ever: both are refused here, the one place every reader of photos goes through."""
    try:
        # Non-blocking: opening a named pipe would otherwise wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            kind = os.fstat(fd)
            if stat.S_ISDIR(kind.st_mode):
                raise ImageError(tr("is a folder, not a file"))
            if not stat.S_ISREG(kind.st_mode):
                raise ImageError(tr("not a regular file (a device, pipe or socket), so it is not read"))
            if kind.st_size > MAX_FILE_BYTES:
                raise _too_large()
            with open(fd, "rb", closefd=False) as f:
                data = f.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except PermissionError:
        raise ImageError(tr("no permission to read the file")) from None
    except FileNotFoundError:
        raise ImageError(tr("file no longer exists")) from None
    except OSError as exc:
        raise ImageError(tr("cannot read file ({problem})", problem=exc.strerror or exc)) from None
    if len(data) > MAX_FILE_BYTES:  # it grew while it was read
        raise _too_large()
    return data


def _too_large() -> ImageError:
    return ImageError(tr("file too large (over {limit} MB)", limit=MAX_FILE_BYTES // 1_000_000))


def load_image(path: str | os.PathLike, size: int | None = None, crop: bool = True) -> np.ndarray:
    return decode(read_bytes(path), size, crop)

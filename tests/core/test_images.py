"""Every kind of file a user may drop in a class folder decodes upright to RGB, or fails with a reason."""

import io

import numpy as np
import pytest
from PIL import Image

from helpers import deny_read, write_image
from desktop_app.core.errors import ImageError
from desktop_app.core.data.images import MAX_PIXELS, decode, is_image_name, is_junk_name, load_image, probe


def _png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("name, fmt, mode", [
    ("a.jpg", "JPEG", "RGB"), ("b.JPEG", "JPEG", "L"), ("c.png", "PNG", "RGBA"), ("d.bmp", "BMP", "RGB"),
    ("e.gif", "GIF", "P"), ("f.webp", "WEBP", "RGB"), ("g.TIFF", "TIFF", "RGB"), ("h.jpg", "JPEG", "CMYK"),
    ("i.png", "PNG", "LA"),
])
def test_formats_and_modes_decode_to_rgb(tmp_path, name, fmt, mode):
    path = write_image(tmp_path / name, mode=mode, fmt=fmt)
    arr = load_image(path, 32)
    assert arr.shape == (32, 32, 3) and arr.dtype == np.uint8
    assert is_image_name(name)


def test_png_named_jpg_is_read_by_content(tmp_path):
    path = write_image(tmp_path / "really_png.jpg", fmt="PNG")
    assert load_image(path).shape == (48, 64, 3)


def test_sixteen_bit_png_keeps_its_contrast():
    arr16 = np.zeros((10, 10), np.uint16)
    arr16[:, 5:] = 65535
    out = decode(_png_bytes(Image.fromarray(arr16)))
    assert out[0, 0].tolist() == [0, 0, 0] and out[0, 9].tolist() == [255, 255, 255]


def test_palette_transparency_becomes_white():
    img = Image.new("P", (4, 4), 0)
    img.putpalette([255, 0, 0] + [0, 0, 0] * 255)
    img.info["transparency"] = 0
    assert decode(_png_bytes(img))[0, 0].tolist() == [255, 255, 255]


def test_rgba_transparent_pixels_become_white():
    img = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    assert decode(_png_bytes(img))[0, 0].tolist() == [255, 255, 255]


def test_animated_gif_uses_first_frame(tmp_path):
    frames = [Image.new("RGB", (8, 8), c) for c in ((255, 0, 0), (0, 0, 255))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    r, g, b = load_image(path)[4, 4].tolist()
    assert r > 200 and b < 50


def test_exif_rotated_photo_is_upright(tmp_path):
    # Stored 40 wide x 20 high, with EXIF "rotate 90": a viewer shows it 20 wide x 40 high.
    img = Image.new("RGB", (40, 20), (0, 200, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    img.save(path, exif=exif.tobytes())
    assert load_image(path).shape == (40, 20, 3)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"this is a text file, not a photo\n", "not an image"),
    (bytes(range(256)) * 20, "not an image"),
])
def test_non_images_fail_with_reason(content, reason):
    with pytest.raises(ImageError, match=reason):
        decode(content)


def test_truncated_jpeg_fails_with_reason(tmp_path):
    path = write_image(tmp_path / "full.jpg", size=(200, 200), fmt="JPEG")
    data = path.read_bytes()
    with pytest.raises(ImageError, match="truncated"):
        decode(data[: len(data) // 2])


def test_decompression_bomb_is_refused_before_decoding():
    side = int(MAX_PIXELS ** 0.5) + 100
    buf = io.BytesIO()
    Image.new("1", (side, side)).save(buf, "PNG")  # a few kB on disk, 50+ megapixels decoded
    with pytest.raises(ImageError, match="too many pixels"):
        probe(buf.getvalue())


def test_tiny_strip_and_huge_images_resize(tmp_path):
    for size, fmt in (((3, 2), "PNG"), ((1200, 40), "PNG"), ((6000, 4500), "JPEG")):
        path = write_image(tmp_path / f"{size[0]}x{size[1]}.img", size=size, fmt=fmt)
        assert load_image(path, 24).shape == (24, 24, 3)


def test_unreadable_file_reports_permission(tmp_path, monkeypatch):
    path = write_image(tmp_path / "secret.png")
    deny_read(path, monkeypatch)
    with pytest.raises(ImageError, match="permission"):
        load_image(path)


def test_names():
    assert is_junk_name(".DS_Store") and is_junk_name("Thumbs.db") and is_junk_name("._photo.jpg")
    assert not is_junk_name("photo.jpg")
    assert not is_image_name("notes.txt") and is_image_name("PHOTO.JPG")

"""Random changes to a training photo that keep what it shows: the fine-tune phase sees new variants each epoch."""

import numpy as np
from PIL import Image


def augment(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Mirror, crop-and-zoom (75-100% of the area, aspect 3:4..4:3) and brightness/contrast jitter."""
    h, w = image.shape[:2]
    area = rng.uniform(0.75, 1.0) * h * w
    aspect = np.exp(rng.uniform(np.log(3 / 4), np.log(4 / 3)))
    ch = int(min(h, round(np.sqrt(area / aspect))))
    cw = int(min(w, round(np.sqrt(area * aspect))))
    top = int(rng.integers(0, h - ch + 1))
    left = int(rng.integers(0, w - cw + 1))
    img = Image.fromarray(image[top:top + ch, left:left + cw])
    if rng.random() < 0.5:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = np.asarray(img.resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32)
    contrast = rng.uniform(0.85, 1.15)
    brightness = rng.uniform(-0.1, 0.1) * 255
    out = (out - out.mean()) * contrast + out.mean() + brightness
    return np.clip(out, 0, 255).astype(np.uint8)

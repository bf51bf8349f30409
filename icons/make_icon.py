"""Draws icons/mulu.png, the source of every app icon: a blue rounded square with a white 目
built from rectangles (no font, so the result is the same on every machine).

    python3 icons/make_icon.py            # needs Pillow
    npx --prefix ui tauri icon icons/mulu.png -o src-tauri/icons
"""
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 1024
SCALE = 4  # draw large and downsample, for smooth edges


def main() -> None:
    s = SIZE * SCALE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = s / 1024  # one unit of the 1024 design grid
    d.rounded_rectangle([40 * u, 40 * u, 984 * u, 984 * u], radius=200 * u, fill=(22, 93, 255, 255))
    white = (255, 255, 255, 255)
    # 目: an outer frame with two inner bars.
    left, right, top, bottom, stroke = 312, 712, 196, 828, 72
    d.rectangle([left * u, top * u, right * u, (top + stroke) * u], fill=white)
    d.rectangle([left * u, (bottom - stroke) * u, right * u, bottom * u], fill=white)
    d.rectangle([left * u, top * u, (left + stroke) * u, bottom * u], fill=white)
    d.rectangle([(right - stroke) * u, top * u, right * u, bottom * u], fill=white)
    inner = (bottom - top - stroke) / 3
    for i in (1, 2):
        y = top + inner * i
        d.rectangle([left * u, y * u, right * u, (y + stroke) * u], fill=white)
    out = img.resize((SIZE, SIZE), Image.LANCZOS)
    out.save(Path(__file__).with_name("mulu.png"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draws Lede's app icons (PNG) from the same shapes as static/icon.svg.

    python3 scripts/icons.py      # writes static/icon-192.png, static/icon-512.png

Pure Python (zlib only), deterministic: running it twice gives identical files.
"""
import os
import struct
import zlib

NAVY = (0x1D, 0x35, 0x57)
PAPER = (0xF1, 0xFA, 0xEE)
GOLD = (0xE9, 0xC4, 0x6A)
TEAL = (0xA8, 0xDA, 0xDC)

# Shapes on a 64-unit grid, as in icon.svg: (x, y, w, h, radius, colour).
SHAPES = [
    (20, 14, 8, 36, 0, PAPER),   # the L's stem
    (20, 43, 25, 7, 0, PAPER),   # the L's foot
    (33, 18, 14, 5, 2.5, GOLD),  # a highlighted word
    (33, 28, 10, 5, 2.5, TEAL),  # another
]


def inside_round_rect(px, py, x, y, w, h, r):
    if not (x <= px < x + w and y <= py < y + h):
        return False
    if r <= 0:
        return True
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r


def draw(size, maskable=False):
    rows = []
    s = 64 / size
    for j in range(size):
        row = bytearray([0])  # filter: none
        for i in range(size):
            # Sample the pixel centre (2x2 supersampling for smooth edges).
            acc = [0, 0, 0, 0]
            for dy in (0.25, 0.75):
                for dx in (0.25, 0.75):
                    px, py = (i + dx) * s, (j + dy) * s
                    if maskable:
                        # Full bleed with the drawing shrunk into the safe zone.
                        px, py = 32 + (px - 32) / 0.8, 32 + (py - 32) / 0.8
                        colour, alpha = NAVY, 255
                    elif inside_round_rect(px, py, 0, 0, 64, 64, 14):
                        colour, alpha = NAVY, 255
                    else:
                        colour, alpha = (0, 0, 0), 0
                    for (x, y, w, h, r, c) in SHAPES:
                        if inside_round_rect(px, py, x, y, w, h, r):
                            colour = c
                    acc[0] += colour[0]; acc[1] += colour[1]; acc[2] += colour[2]; acc[3] += alpha
            row += bytes(v // 4 for v in acc)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "static")
    for size in (192, 512):
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(draw(size))
    with open(os.path.join(out, "icon-maskable-512.png"), "wb") as f:
        f.write(draw(512, maskable=True))


if __name__ == "__main__":
    main()

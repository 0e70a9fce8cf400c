"""Render resources/icons/diptych.svg into the app icons every platform wants.

Writes diptych.png (512 px, Linux), diptych.ico (Windows: 16-256 px) and diptych.icns
(macOS: 128-1024 px). ICO and ICNS both accept embedded PNG images, so Qt's SVG
renderer is the only image library needed. Run: `make icons`.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(images: dict[str, bytes]) -> bytes:
    body = b"".join(struct.pack(">4sI", kind.encode(), 8 + len(png)) + png for kind, png in images.items())
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (rendering needs an application)
    renderer = QSvgRenderer(str(ICONS / "diptych.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'diptych.svg'}", file=sys.stderr)
        return 1
    (ICONS / "diptych.png").write_bytes(render_png(renderer, 512))
    (ICONS / "diptych.ico").write_bytes(ico({s: render_png(renderer, s) for s in (16, 24, 32, 48, 64, 128, 256)}))
    # ic07..ic10 are the PNG-bearing ICNS types for 128, 256, 512 and 1024 px.
    kinds = {"ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024}
    (ICONS / "diptych.icns").write_bytes(icns({k: render_png(renderer, s) for k, s in kinds.items()}))
    for name in ("diptych.png", "diptych.ico", "diptych.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

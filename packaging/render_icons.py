"""Render RetroTimer's icon from its SVG into every PNG size, a Windows .ico and a macOS .icns.

Run from the repository root after editing the SVG:

    .venv/bin/python packaging/render_icons.py          # write every file
    .venv/bin/python packaging/render_icons.py --check  # exit 1 if a file is out of date

Qt's SVG renderer (PySide6, already a dependency) draws the images, so the same command works
on Linux, Windows and macOS. The .ico and .icns files hold PNG images, which every Windows
since Vista and every macOS since 10.7 reads.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_ID = "org.retrotimer.RetroTimer"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{ICON_ID}.svg"
# Sizes of the freedesktop icon theme (hicolor) that desktops look for.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# The window icon inside the package: found at run time from source and when frozen.
WINDOW_ICON_DIR = ROOT / "retrotimer" / "assets" / "icons"
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO = ROOT / "packaging" / "windows" / "retrotimer.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS = ROOT / "packaging" / "macos" / "retrotimer.icns"
# The PNG-based icns types, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
ICNS_TYPES_1024 = b"ic10"
# Rendering is deterministic on one Qt version; another version may anti-alias a few edge
# pixels differently, which is not a change of the icon.
MAX_CHANNEL_DIFFERENCE = 24
MAX_MEAN_DIFFERENCE = 1.0


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG file Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs disagree with the binding
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding these PNG images (size -> PNG)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 stands for 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def read_ico(data: bytes) -> dict[int, bytes]:
    """The PNG images of an icon written by `ico_bytes`, by size."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    if (reserved, kind) != (0, 1):
        raise ValueError("not a Windows icon")
    images = {}
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        images[side or 256] = data[offset : offset + length]
    return images


def icns_bytes(pngs: dict[int, bytes], png_1024: bytes) -> bytes:
    """A macOS icon holding these PNG images (size -> PNG) and a 1024 px one for Retina."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    body += ICNS_TYPES_1024 + struct.pack(">I", 8 + len(png_1024)) + png_1024
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_icns(data: bytes) -> dict[bytes, bytes]:
    """The images of an icns file by type."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not a macOS icon")
    images, position = {}, 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack_from(">I", data, position + 4)
        images[kind] = data[position + 8 : position + length]
        position += length
    return images


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    sizes = sorted({*HICOLOR_SIZES, *WINDOW_ICON_SIZES, *ICO_SIZES, *ICNS_TYPES})
    pngs = {size: render_png(size) for size in sizes}
    files: dict[Path, bytes] = {}
    for size in HICOLOR_SIZES:
        files[HICOLOR / f"{size}x{size}" / "apps" / f"{ICON_ID}.png"] = pngs[size]
    for size in WINDOW_ICON_SIZES:
        files[WINDOW_ICON_DIR / f"retrotimer-{size}.png"] = pngs[size]
    files[ICO] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICNS] = icns_bytes({size: pngs[size] for size in ICNS_TYPES}, render_png(1024))
    return files


def _pixels(png: bytes) -> tuple[int, int, bytes]:
    from PySide6.QtGui import QImage

    image = QImage.fromData(png).convertToFormat(QImage.Format.Format_RGBA8888)
    return image.width(), image.height(), bytes(image.constBits())


def same_picture(first: bytes, second: bytes) -> bool:
    """Whether two PNG images show the same picture, give or take anti-aliasing."""
    width, height, a = _pixels(first)
    other_width, other_height, b = _pixels(second)
    if (width, height) != (other_width, other_height) or not a:
        return False
    differences = [abs(x - y) for x, y in zip(a, b, strict=True)]
    return (
        max(differences) <= MAX_CHANNEL_DIFFERENCE
        and sum(differences) / len(differences) <= MAX_MEAN_DIFFERENCE
    )


def _images(path: Path, data: bytes) -> Iterable[tuple[object, bytes]]:
    if path.suffix == ".ico":
        return read_ico(data).items()
    if path.suffix == ".icns":
        return read_icns(data).items()
    return [(path.name, data)]


def stale(files: dict[Path, bytes]) -> list[Path]:
    """The files that are missing or show another picture than the SVG."""
    found = []
    for path, wanted in files.items():
        if not path.is_file():
            found.append(path)
            continue
        have = dict(_images(path, path.read_bytes()))
        want = dict(_images(path, wanted))
        if have.keys() != want.keys() or not all(
            same_picture(have[key], want[key]) for key in want
        ):
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files")
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        out_of_date = stale(files)
        for path in out_of_date:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        if out_of_date:
            print("run: .venv/bin/python packaging/render_icons.py", file=sys.stderr)
        return 1 if out_of_date else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

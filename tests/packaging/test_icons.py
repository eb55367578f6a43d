"""The icon: every PNG, the .ico and the .icns are rendered from the SVG and up to date."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from retrotimer.resources import window_icon_files
from tests.packaging.scripts import ROOT, load_script

icons = load_script("render_icons")


def size_of(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_every_hicolor_size_from_16_to_512_is_there() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = icons.HICOLOR / f"{size}x{size}" / "apps" / f"{icons.ICON_ID}.png"
        assert size_of(path.read_bytes()) == (size, size), path
    assert icons.SVG.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_files_are_up_to_date_with_the_svg(qapp: QApplication) -> None:
    assert icons.stale(icons.outputs()) == []


def test_a_changed_svg_makes_the_files_stale(qapp: QApplication, tmp_path: Path) -> None:
    changed = tmp_path / "changed.svg"
    changed.write_text(
        icons.SVG.read_text(encoding="utf-8").replace("#E040FB", "#00C853"), encoding="utf-8"
    )
    green = icons.render_png(48, changed)
    assert not icons.same_picture(green, icons.render_png(48))
    path = tmp_path / "icon.png"
    path.write_bytes(green)
    assert icons.stale({path: icons.render_png(48)}) == [path]


def test_the_windows_icon_holds_each_size_up_to_256() -> None:
    images = icons.read_ico(icons.ICO.read_bytes())
    assert sorted(images) == sorted(icons.ICO_SIZES)
    assert all(size_of(png) == (size, size) for size, png in images.items())


def test_the_macos_icon_holds_sizes_up_to_1024() -> None:
    images = icons.read_icns(icons.ICNS.read_bytes())
    sizes = sorted(size_of(png)[0] for png in images.values())
    assert sizes == [16, 32, 64, 128, 256, 512, 1024]


def test_the_icon_is_readable_on_light_and_dark_backgrounds(qapp: QApplication) -> None:
    image = QImage.fromData(icons.render_png(64))
    # The ring's magenta against white and the face's near-black against a dark panel:
    # both must stand out (WCAG contrast of at least 3 for graphics).
    # At 64 px: the ring below the centre, the face above the chevrons, a chevron's tip.
    ring, face, chevron = (image.pixelColor(x, y) for x, y in ((32, 59), (32, 22), (22, 36)))
    assert ring.alpha() == face.alpha() == chevron.alpha() == 255

    def luminance(r: float, g: float, b: float) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)

    def contrast(a: float, b: float) -> float:
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    ring_l = luminance(ring.redF(), ring.greenF(), ring.blueF())
    face_l = luminance(face.redF(), face.greenF(), face.blueF())
    chevron_l = luminance(chevron.redF(), chevron.greenF(), chevron.blueF())
    assert contrast(ring_l, luminance(1, 1, 1)) >= 3
    assert contrast(face_l, chevron_l) >= 7
    assert contrast(ring_l, luminance(0.13, 0.13, 0.13)) >= 3


def test_the_window_icon_files_are_found_in_the_package() -> None:
    found = window_icon_files()
    assert [size for size, _ in found] == list(icons.WINDOW_ICON_SIZES)
    assert all(path.is_file() and path.is_relative_to(ROOT / "retrotimer") for _, path in found)


@pytest.mark.parametrize("name", ["retrotimer-7.png", "retrotimer-big.png", "other-16.png"])
def test_other_files_in_the_icon_folder_are_not_icons(tmp_path: Path, name: str) -> None:
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "retrotimer-16.png").write_bytes(b"")
    (tmp_path / "icons" / name).write_bytes(b"")
    found = [size for size, _ in window_icon_files(tmp_path)]
    assert found == ([7, 16] if name == "retrotimer-7.png" else [16])

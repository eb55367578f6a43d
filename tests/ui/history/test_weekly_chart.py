"""The weekly backward-minutes chart: axis, bar heights, and what it paints."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.core.model import ColourRole
from retrotimer.core.settings import Theme
from retrotimer.ui.common.chart_scale import nice_ceiling
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.history.weekly_chart import ChartBar, WeeklyChart


@pytest.mark.parametrize(
    ("value", "top"), [(0, 5), (4.2, 5), (6, 10), (12, 20), (35, 50), (51, 100), (240, 500)]
)
def test_the_axis_ends_at_a_round_number(value: float, top: float) -> None:
    assert nice_ceiling(value) == top


def test_bars_are_as_tall_as_their_minutes_and_painted_in_the_backward_colour(
    qtbot: QtBot,
) -> None:
    colours = run_colours(Theme.DARK)
    chart = WeeklyChart(colours)
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_bars(
        [
            ChartBar("3 Mar", 4.0, 1, False),
            ChartBar("10 Mar", 8.0, 3, True),
            ChartBar("17 Mar", 0.0, 0, False),
        ]
    )
    assert chart.axis_top() == 10
    short, tall, empty = chart.bar_rects()
    assert tall.height() == pytest.approx(2 * short.height())
    assert empty.height() == 0
    assert "week of 10 Mar: 8 min" in chart.accessibleDescription()
    image = chart.grab().toImage()
    inside = tall.center().toPoint()
    assert image.pixelColor(inside) == colours.fill(ColourRole.BACKWARD_EASY)
    # A week short of the target is hatched and paler, not solid.
    assert image.pixelColor(short.center().toPoint()) != colours.fill(ColourRole.BACKWARD_EASY)


def test_an_empty_history_says_so(qtbot: QtBot) -> None:
    chart = WeeklyChart(run_colours(Theme.LIGHT))
    qtbot.addWidget(chart)
    chart.set_bars([])
    assert chart.bar_rects() == []
    assert chart.accessibleDescription() == "no sessions yet"
    chart.resize(300, 200)
    assert not chart.grab().isNull()

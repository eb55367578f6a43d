"""Edits of a template's items by path, with examples and properties."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.templates.template_edits import (
    EditError,
    ItemPath,
    duplicate_items,
    format_path,
    insert_items,
    item_at,
    move_items,
    remove_items,
    replace_item,
    unwrap_repeat,
    wrap_in_repeat,
)


def seg(seconds: int, kind: SegmentKind = SegmentKind.WALK) -> Segment:
    return Segment(kind, Length.seconds(seconds))


BACK = Segment(SegmentKind.BACKWARD_WALK, Length.steps(15))
TEMPLATE = Template(
    "T", (seg(300, SegmentKind.WARMUP), Repeat(6, (BACK, seg(30))), seg(180, SegmentKind.COOLDOWN))
)


def leaves(items: tuple[Item, ...]) -> list[Segment]:
    found: list[Segment] = []
    for item in items:
        found += leaves(item.items) if isinstance(item, Repeat) else [item]
    return found


def all_paths(items: tuple[Item, ...], parent: ItemPath = ()) -> list[ItemPath]:
    paths: list[ItemPath] = []
    for index, item in enumerate(items):
        path = (*parent, index)
        paths.append(path)
        if isinstance(item, Repeat):
            paths += all_paths(item.items, path)
    return paths


def test_item_at_and_paths_for_people() -> None:
    assert item_at(TEMPLATE, (1, 0)) == BACK
    assert format_path((1, 0)) == "2.1"
    with pytest.raises(EditError, match="no item at 5"):
        item_at(TEMPLATE, (4,))
    with pytest.raises(EditError, match="1 is not a repeat"):
        item_at(TEMPLATE, (0, 0))


def test_replace_insert_remove() -> None:
    replaced = replace_item(TEMPLATE, (1, 1), seg(45))
    assert item_at(replaced, (1, 1)) == seg(45)
    assert item_at(TEMPLATE, (1, 1)) == seg(30)  # the original is untouched
    inserted = insert_items(TEMPLATE, (1, 2), [seg(5)])
    assert item_at(inserted, (1, 2)) == seg(5)
    at_end = insert_items(TEMPLATE, (3,), [seg(7)])
    assert at_end.items[-1] == seg(7)
    removed = remove_items(TEMPLATE, [(1, 0), (1,)])  # the repeat takes its items with it
    assert removed.items == (seg(300, SegmentKind.WARMUP), seg(180, SegmentKind.COOLDOWN))


def test_duplicate_puts_each_copy_after_its_original() -> None:
    result, copies = duplicate_items(TEMPLATE, [(0,), (1, 0)])
    assert copies == [(1,), (2, 1)]
    assert result.items[1] == result.items[0]
    repeat = result.items[2]
    assert isinstance(repeat, Repeat) and repeat.items == (BACK, BACK, seg(30))


def test_wrap_in_repeat_and_unwrap() -> None:
    result, place = wrap_in_repeat(TEMPLATE, [(2,), (0,)], 3)
    assert place == (0,)
    wrapped = result.items[0]
    assert isinstance(wrapped, Repeat) and wrapped.count == 3
    assert wrapped.items == (seg(300, SegmentKind.WARMUP), seg(180, SegmentKind.COOLDOWN))
    assert unwrap_repeat(result, (0,)).items[:2] == wrapped.items
    with pytest.raises(EditError, match="same block"):
        wrap_in_repeat(TEMPLATE, [(0,), (1, 0)], 2)
    with pytest.raises(EditError, match="select"):
        wrap_in_repeat(TEMPLATE, [], 2)


def test_move_into_and_out_of_a_repeat() -> None:
    inside, paths = move_items(TEMPLATE, [(0,)], (1,), 1)
    assert paths == [(0, 1)]
    repeat = inside.items[0]
    assert isinstance(repeat, Repeat)
    assert repeat.items == (BACK, seg(300, SegmentKind.WARMUP), seg(30))
    out, paths = move_items(TEMPLATE, [(1, 1)], (), 3)
    assert paths == [(3,)]  # after the repeat and the cool-down
    assert out.items[-1] == seg(30)
    with pytest.raises(EditError, match="into itself"):
        move_items(TEMPLATE, [(1,)], (1,), 0)


@st.composite
def templates(draw: st.DrawFn) -> Template:
    counter = iter(range(1, 10_000))

    def items(depth: int) -> tuple[Item, ...]:
        size = draw(st.integers(1, 4))
        found: list[Item] = []
        for _ in range(size):
            if depth < 3 and draw(st.booleans()):
                found.append(Repeat(draw(st.integers(1, 5)), items(depth + 1)))
            else:
                found.append(seg(next(counter)))  # unique lengths tell the segments apart
        return tuple(found)

    return Template("T", items(0))


@given(templates(), st.data())
def test_moving_keeps_every_segment_and_lands_where_it_said(
    template: Template, data: st.DataObject
) -> None:
    paths = all_paths(template.items)
    source = data.draw(st.sampled_from(paths))
    parents = [()] + [p for p in paths if isinstance(item_at(template, p), Repeat)]
    parent = data.draw(st.sampled_from(parents))
    if parent[: len(source)] == source:
        with pytest.raises(EditError):
            move_items(template, [source], parent, 0)
        return
    siblings = item_at(template, parent).items if parent else template.items  # type: ignore[union-attr]
    row = data.draw(st.integers(0, len(siblings)))
    moved, (landed,) = move_items(template, [source], parent, row)
    assert Counter(leaves(moved.items)) == Counter(leaves(template.items))
    assert item_at(moved, landed) == item_at(template, source)


@given(templates(), st.data())
def test_duplicating_adds_exactly_the_copies(template: Template, data: st.DataObject) -> None:
    paths = all_paths(template.items)
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3))
    result, copies = duplicate_items(template, chosen)
    for copy in copies:
        original = (*copy[:-1], copy[-1] - 1)
        assert item_at(result, copy) == item_at(result, original)
    assert len(leaves(result.items)) > len(leaves(template.items))


@given(templates(), st.data())
def test_wrapping_then_unwrapping_gives_the_template_back_for_neighbours(
    template: Template, data: st.DataObject
) -> None:
    paths = all_paths(template.items)
    first = data.draw(st.sampled_from(paths))
    siblings_count = len(
        item_at(template, first[:-1]).items if first[:-1] else template.items  # type: ignore[union-attr]
    )
    last = data.draw(st.integers(first[-1], siblings_count - 1))
    chosen = [(*first[:-1], index) for index in range(first[-1], last + 1)]
    wrapped, place = wrap_in_repeat(template, chosen, 2)
    assert unwrap_repeat(wrapped, place) == template

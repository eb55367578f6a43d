"""Edits of a template's items by path: replace, insert, remove, duplicate, move, wrap in a repeat.

A path is the item's indices from the top level down ((2, 0) is the first item inside the third
top-level item, which must be a repeat). Every edit returns a new template; the old one is left
as it was, which is what undo keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from retrotimer.core.model import Item, Repeat, Template
from retrotimer.core.value import replace

ItemPath = tuple[int, ...]


class EditError(ValueError):
    """An edit that cannot be made (a bad path, a move into itself); the message is for users."""


def children(items: tuple[Item, ...], parent: ItemPath) -> tuple[Item, ...]:
    """The items inside the repeat at `parent` (the top level for ())."""
    for index in parent:
        if not 0 <= index < len(items):
            raise EditError(f"there is no item at {format_path(parent)}")
        item = items[index]
        if not isinstance(item, Repeat):
            raise EditError(f"item {format_path(parent)} is not a repeat")
        items = item.items
    return items


def item_at(template: Template, path: ItemPath) -> Item:
    if not path:
        raise EditError("the template itself is not an item")
    siblings = children(template.items, path[:-1])
    if not 0 <= path[-1] < len(siblings):
        raise EditError(f"there is no item at {format_path(path)}")
    return siblings[path[-1]]


def format_path(path: ItemPath) -> str:
    """1-based, as people count: (2, 0) is "3.1"."""
    return ".".join(str(index + 1) for index in path) or "top"


def _with_children(
    items: tuple[Item, ...], parent: ItemPath, new_children: tuple[Item, ...]
) -> tuple[Item, ...]:
    if not parent:
        return new_children
    head, rest = parent[0], parent[1:]
    repeat = items[head]
    assert isinstance(repeat, Repeat)
    inner = _with_children(repeat.items, rest, new_children)
    return (*items[:head], replace(repeat, items=inner), *items[head + 1 :])


def _update(template: Template, parent: ItemPath, new_children: tuple[Item, ...]) -> Template:
    return replace(template, items=_with_children(template.items, parent, new_children))


def replace_item(template: Template, path: ItemPath, item: Item) -> Template:
    item_at(template, path)
    siblings = children(template.items, path[:-1])
    index = path[-1]
    return _update(template, path[:-1], (*siblings[:index], item, *siblings[index + 1 :]))


def insert_items(template: Template, path: ItemPath, items: Sequence[Item]) -> Template:
    """Insert before the item at `path`; its last index may equal the number of siblings."""
    if not path:
        raise EditError("an insertion needs a place")
    siblings = children(template.items, path[:-1])
    index = path[-1]
    if not 0 <= index <= len(siblings):
        raise EditError(f"cannot insert at {format_path(path)}")
    return _update(template, path[:-1], (*siblings[:index], *items, *siblings[index:]))


def _outermost(paths: Iterable[ItemPath]) -> list[ItemPath]:
    """The paths without those inside another of them (removing a repeat removes its items)."""
    unique = sorted(set(paths))
    kept: list[ItemPath] = []
    for path in unique:
        if not any(path[: len(outer)] == outer for outer in kept):
            kept.append(path)
    return kept


def remove_items(template: Template, paths: Iterable[ItemPath]) -> Template:
    """Remove every item named; paths refer to the template before any removal."""
    result = template
    for path in sorted(_outermost(paths), reverse=True):
        item_at(result, path)
        siblings = children(result.items, path[:-1])
        index = path[-1]
        result = _update(result, path[:-1], (*siblings[:index], *siblings[index + 1 :]))
    return result


def duplicate_items(
    template: Template, paths: Iterable[ItemPath]
) -> tuple[Template, list[ItemPath]]:
    """A copy of each item right after it; returns the copies' paths."""
    result = template
    copies: list[ItemPath] = []
    # From the last item backwards so that earlier paths stay valid.
    for path in sorted(_outermost(paths), reverse=True):
        item = item_at(result, path)
        copy_path = (*path[:-1], path[-1] + 1)
        result = insert_items(result, copy_path, [item])
        copies = [_shift_after(copy, copy_path) for copy in copies]
        copies.append(copy_path)
    return result, sorted(copies)


def _shift_after(path: ItemPath, inserted: ItemPath) -> ItemPath:
    """Where `path` is after an item was inserted at `inserted`."""
    depth = len(inserted) - 1
    if len(path) > depth and path[:depth] == inserted[:depth] and path[depth] >= inserted[depth]:
        return (*path[:depth], path[depth] + 1, *path[depth + 1 :])
    return path


def move_items(
    template: Template, sources: Iterable[ItemPath], parent: ItemPath, row: int
) -> tuple[Template, list[ItemPath]]:
    """Move items (in their order) into the repeat at `parent` (() for the top level), before
    its item `row` as it was before the move. Returns the moved items' new paths."""
    moving = _outermost(sources)
    if not moving:
        return template, []
    for source in moving:
        if parent[: len(source)] == source:
            raise EditError("a repeat cannot be moved into itself")
    items = [item_at(template, source) for source in moving]
    siblings = children(template.items, parent)
    if not 0 <= row <= len(siblings):
        raise EditError(f"cannot move to position {row + 1} of {format_path(parent)}")
    # Mark the place with the item it goes before, or the end of the block.
    anchor = (*parent, row)
    removed = remove_items(template, moving)
    for source in sorted(moving, reverse=True):
        anchor = _shift_after_removal(anchor, source)
    target_parent, target_row = anchor[:-1], anchor[-1]
    result = insert_items(removed, (*target_parent, target_row), items)
    return result, [(*target_parent, target_row + offset) for offset in range(len(items))]


def _shift_after_removal(path: ItemPath, removed: ItemPath) -> ItemPath:
    """Where `path` is once the item at `removed` is gone (`path` is not inside it)."""
    depth = len(removed) - 1
    if len(path) > depth and path[:depth] == removed[:depth] and path[depth] > removed[depth]:
        return (*path[:depth], path[depth] - 1, *path[depth + 1 :])
    return path


def wrap_in_repeat(
    template: Template, paths: Iterable[ItemPath], count: int
) -> tuple[Template, ItemPath]:
    """Put sibling items (in order) into a new repeat at the first one's place."""
    chosen = _outermost(paths)
    if not chosen:
        raise EditError("select the segments to repeat")
    parents = {path[:-1] for path in chosen}
    if len(parents) != 1:
        raise EditError("only items of the same block can be wrapped in one repeat")
    parent = parents.pop()
    items = tuple(item_at(template, path) for path in chosen)
    removed = remove_items(template, chosen)
    place = (*parent, chosen[0][-1])
    return insert_items(removed, place, [Repeat(count, items)]), place


def unwrap_repeat(template: Template, path: ItemPath) -> Template:
    """Replace a repeat by its items, once."""
    repeat = item_at(template, path)
    if not isinstance(repeat, Repeat):
        raise EditError(f"item {format_path(path)} is not a repeat")
    return insert_items(remove_items(template, [path]), path, repeat.items)

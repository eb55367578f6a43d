"""Slotted records, frozen values and mutable builders, that cost almost nothing to define."""

from __future__ import annotations

import operator
import reprlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")


class FrozenValueError(AttributeError):
    """An attempt to assign or delete a field of a value."""


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
# Classes whose constructor may not be compiled yet (see compile_constructors).
_UNCOMPILED: list[Any] = []


class _Field:
    """What `field()` says about one field; replaced by the plain default when the class is made."""

    __slots__ = ("compare", "default", "default_factory")

    def __init__(
        self, default: object, default_factory: Callable[[], object] | None, compare: bool
    ):
        self.default = default
        self.default_factory = default_factory
        self.compare = compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    compare: bool = True,
) -> Any:
    """A field's default made afresh for each value (`default_factory`), or a field left out of
    equality, hashing and ordering (`compare=False`)."""
    if default is not _MISSING and default_factory is not None:
        raise ValueError("a field cannot have both a default and a default_factory")
    return _Field(default, default_factory, compare)


# Python's dataclasses write and compile up to six methods for every class the moment it is
# defined: about half a millisecond for a frozen one, and 15 % of the window's start in all
# (docs/ARCHITECTURE.md). A class here shares generic methods instead (equality, hashing and
# ordering compare one C-level attrgetter's tuple), and compiles its __init__, the one method
# whose speed counts, when its first instance is made or compile_constructors() is called.
# mypy sees a dataclass through dataclass_transform.
@overload
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def value(cls: type[_T], /) -> type[_T]: ...
@overload
def value(*, order: bool = False) -> Callable[[type[_T]], type[_T]]: ...
def value(cls: type[_T] | None = None, /, *, order: bool = False) -> Any:
    """Make `cls` a frozen, slotted value: like `@dataclass(frozen=True, slots=True)`."""
    if cls is None:
        return lambda cls: _make(cls, order=order, frozen=True)
    return _make(cls, order=order, frozen=True)


@dataclass_transform(field_specifiers=(field,))
def builder(cls: type[_T], /) -> type[_T]:
    """Make `cls` a mutable, slotted record that is filled in step by step: like
    `@dataclass(slots=True)`."""
    return _make(cls, order=False, frozen=False)


if TYPE_CHECKING:
    # mypy checks each replace() call's field names and types as it does dataclasses.replace's.
    from dataclasses import replace as replace
else:

    def replace(obj, /, **changes):
        """A copy of the value or builder `obj` with the fields named in `changes` set anew."""
        names = getattr(type(obj), "_value_fields", None)
        if names is None:
            raise TypeError(f"replace() takes a value or a builder, not a {type(obj).__qualname__}")
        arguments = {name: getattr(obj, name) for name in names}
        arguments.update(changes)
        return type(obj)(**arguments)


def compile_constructors() -> int:
    """Compile the constructor of every value and builder defined so far that has made no
    instance yet; how many were compiled. A session calls it before its clock starts, so no
    first record of a kind pays for its constructor on the timing path."""
    compiled = 0
    while _UNCOMPILED:
        cls = _UNCOMPILED.pop()
        if cls.__dict__["__init__"] is _first_init:
            cls.__init__ = _compile_init(cls)
            compiled += 1
    return compiled


def field_names(cls: type[object]) -> tuple[str, ...]:
    """The fields of the value class `cls`, in the order its constructor takes them."""
    names: tuple[str, ...] = cls._value_fields  # type: ignore[attr-defined]
    return names


def _make(cls: type[_T], *, order: bool, frozen: bool) -> type[_T]:
    own = _own_fields(cls)
    inherited: tuple[str, ...] = ()
    defaults: dict[str, object] = {}
    factories: dict[str, Callable[[], object]] = {}
    uncompared: set[str] = set()
    base: Any
    for base in reversed(cls.__mro__[1:]):
        if "_value_fields" in base.__dict__:
            inherited += tuple(name for name in base._value_fields if name not in inherited)
            defaults.update(base._value_defaults)
            factories.update(base._value_factories)
            uncompared.update(base._value_uncompared)
    namespace = dict(cls.__dict__)
    for name in own:
        given = namespace.pop(name, _MISSING)
        if isinstance(given, _Field):
            if not given.compare:
                uncompared.add(name)
            if given.default_factory is not None:
                factories[name] = given.default_factory
                continue
            given = given.default
        elif type(given).__module__ == "dataclasses":
            raise TypeError(f"{cls.__qualname__}.{name}: a value takes retrotimer's field()")
        if given is not _MISSING:
            defaults[name] = given
    names = inherited + tuple(name for name in own if name not in inherited)
    _check_order(cls, names, defaults, factories)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(name for name in own if name not in inherited)
    namespace["__match_args__"] = names
    namespace["_value_fields"] = names
    namespace["_value_defaults"] = defaults
    namespace["_value_factories"] = factories
    namespace["_value_uncompared"] = frozenset(uncompared)
    compared = tuple(name for name in names if name not in uncompared)
    namespace["_value_key"] = operator.attrgetter(*compared) if compared else staticmethod(_no_key)
    namespace["__init__"] = _first_init
    namespace["__repr__"] = _repr
    namespace["__eq__"] = _eq
    if frozen:
        namespace["__hash__"] = _hash
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    else:
        namespace["__hash__"] = None  # equal by fields that may change: no hash
    namespace["__reduce__"] = _reduce
    if order:
        namespace.update(__lt__=_lt, __le__=_le, __gt__=_gt, __ge__=_ge)
    made: type[_T] = type(cls)(cls.__name__, cls.__bases__, namespace)  # type: ignore[misc]
    made.__qualname__ = cls.__qualname__
    _UNCOMPILED.append(made)
    return made


def _own_fields(cls: type[object]) -> list[str]:
    """The fields `cls` itself declares: its annotations but for class variables."""
    found = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        written = str(annotation).removeprefix("typing.").removeprefix("dataclasses.")
        if written.startswith("ClassVar"):
            continue
        if written.startswith(("InitVar", "KW_ONLY")):
            raise TypeError(f"{cls.__qualname__}.{name}: a value has no {written}")
        found.append(name)
    return found


def _check_order(
    cls: type[object],
    names: tuple[str, ...],
    defaults: dict[str, object],
    factories: dict[str, Callable[[], object]],
) -> None:
    seen_default = False
    for name in names:
        if name in defaults or name in factories:
            seen_default = True
        elif seen_default:
            raise TypeError(f"{cls.__qualname__}: field {name!r} has no default but follows one")


def _no_key(_obj: object) -> tuple[()]:
    return ()


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    # A subclass made without @value would inherit its parent's compiled __init__ untouched.
    owner = next(klass for klass in cls.__mro__ if "_value_fields" in klass.__dict__)
    init = _compile_init(owner)
    owner.__init__ = init  # type: ignore[misc]
    init(self, *args, **kwargs)


def _compile_init(cls: Any) -> Callable[..., None]:
    names: tuple[str, ...] = cls._value_fields
    defaults: dict[str, object] = cls._value_defaults
    factories: dict[str, Callable[[], object]] = cls._value_factories
    scope: dict[str, object] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    # A frozen value's own __setattr__ refuses, so its fields are set past it, as a frozen
    # dataclass does; a builder's are plain (and faster) assignments.
    if cls.__setattr__ is _frozen_setattr:
        assign = "_set(_self_, {name!r}, {made})"
    else:
        assign = "_self_.{name} = {made}"
    parameters = []
    body = []
    for index, name in enumerate(names):
        if name in factories:
            scope[f"_factory_{index}"] = factories[name]
            parameters.append(f"{name}=_MISSING")
            made = f"_factory_{index}() if {name} is _MISSING else {name}"
            body.append("  " + assign.format(name=name, made=made))
            continue
        if name in defaults:
            scope[f"_default_{index}"] = defaults[name]
            parameters.append(f"{name}=_default_{index}")
        else:
            parameters.append(name)
        body.append("  " + assign.format(name=name, made=name))
    source = f"def __init__(_self_, {', '.join(parameters)}):\n" + ("\n".join(body) or "  pass")
    exec(source, scope)  # noqa: S102 - the source is made from the class's own field names
    init: Callable[..., None] = scope["__init__"]  # type: ignore[assignment]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._value_fields)
    return f"{type(self).__qualname__}({fields})"


def _comparison(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compare(self._value_key(self), self._value_key(other))
        return NotImplemented

    return method


_lt = _comparison(operator.lt)
_le = _comparison(operator.le)
_gt = _comparison(operator.gt)
_ge = _comparison(operator.ge)


# Equality and hashing are written out: dictionaries and sets call them most.
def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        key = self._value_key
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._value_key(self))


def _frozen_setattr(self: object, name: str, _value: object) -> None:
    raise FrozenValueError(f"cannot assign to field {name!r} of a {type(self).__qualname__}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenValueError(f"cannot delete field {name!r} of a {type(self).__qualname__}")


def _reduce(self: Any) -> tuple[type[object], tuple[object, ...]]:
    return type(self), tuple(getattr(self, name) for name in self._value_fields)

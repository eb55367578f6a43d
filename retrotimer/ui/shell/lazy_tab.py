"""A tab whose screen is built the first time it is shown or asked for, not at start-up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTab(QObject):
    """Holds the tab's place with an empty page; when the tab is first shown (or `screen()`
    is asked for) the screen is built and takes that page's place, at the same index, with
    the same text, current if the page was, hidden if it was. From then on the tab is an
    ordinary one.

    A listener of `currentChanged` connected before the LazyTab hears a first showing
    while the page is still current: the screen it finds is built, and filled, just after.
    """

    def __init__(self, tabs: QTabWidget, text: str, build: Callable[[], QWidget]) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._text = text
        self._build: Callable[[], QWidget] | None = build
        self._page: QWidget | None = QWidget()
        self._page.setAccessibleName(text.replace("&", ""))
        self._screen: QWidget | None = None
        tabs.addTab(self._page, text)
        tabs.currentChanged.connect(self._shown)

    @property
    def built(self) -> QWidget | None:
        """The screen, or None while it has never been needed."""
        return self._screen

    def index(self) -> int:
        """Where the tab is, built or not."""
        tab = self._screen if self._screen is not None else self._page
        assert tab is not None, "one of the two holds the tab"
        return self._tabs.indexOf(tab)

    def screen(self) -> QWidget:
        """The screen, built now if it has not been."""
        if self._screen is None:
            assert self._build is not None and self._page is not None
            self._screen = self._build()
            self._build = None
            page, self._page = self._page, None
            self._tabs.currentChanged.disconnect(self._shown)
            index = self._tabs.indexOf(page)
            current = self._tabs.currentIndex() == index
            visible = self._tabs.isTabVisible(index)
            # The tab shown does not change, only what it holds: no one is told of it.
            blocked = self._tabs.blockSignals(True)
            try:
                self._tabs.insertTab(index, self._screen, self._text)
                self._tabs.setTabVisible(index, visible)
                if current:
                    self._tabs.setCurrentIndex(index)
                self._tabs.removeTab(index + 1)
            finally:
                self._tabs.blockSignals(blocked)
            page.deleteLater()
        return self._screen

    def _shown(self, index: int) -> None:
        if self._page is not None and self._tabs.widget(index) is self._page:
            self.screen()

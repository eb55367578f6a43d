"""Custom segment labels spoken by the platform engine: rendered once, cached, off the UI thread."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from retrotimer.audio.pcm import AudioFileError, Clip, read_wav, write_wav
from retrotimer.audio.speech_engine import NothingSpoken, SpeechEngine, SpeechError

log = logging.getLogger(__name__)


def label_clip_name(label: str) -> str:
    return f"label:{label}"


def cache_file(cache_dir: Path, engine: SpeechEngine, label: str) -> Path:
    digest = hashlib.sha256(label.encode("utf-8")).hexdigest()[:24]
    return cache_dir / f"{engine.kind.value}-{digest}.wav"


class LabelRenderer(QObject):
    """Renders labels in a worker thread; `rendered(label)` arrives on the owner's thread.

    A label the engines cannot render is remembered as failed and not tried again, so the
    cue player keeps speaking the kind's stock phrase for it.
    """

    rendered = Signal(str)

    def __init__(
        self,
        engines: Sequence[SpeechEngine],
        cache_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engines = list(engines)
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._clips: dict[str, Clip] = {}
        self._pending: dict[str, Future[None]] = {}
        self._failed: set[str] = set()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="retrotimer-speech")

    @property
    def engine(self) -> SpeechEngine | None:
        with self._lock:
            return self._engines[0] if self._engines else None

    def request(self, labels: Iterable[str]) -> None:
        """Start rendering the labels not yet rendered, failed or on their way."""
        with self._lock:
            if not self._engines:
                return
            for label in labels:
                if label in self._clips or label in self._failed or label in self._pending:
                    continue
                self._pending[label] = self._executor.submit(self._render, label)

    def clip(self, label: str) -> Clip | None:
        with self._lock:
            return self._clips.get(label)

    def wait(self, timeout_s: float) -> bool:
        """Wait for the requested labels (headless runs, tests); True when none is pending."""
        with self._lock:
            futures = list(self._pending.values())
        _, not_done = wait(futures, timeout=timeout_s)
        return not not_done

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _render(self, label: str) -> None:
        clip = self._cached_or_rendered(label)
        with self._lock:
            self._pending.pop(label, None)
            if clip is None:
                self._failed.add(label)
                return
            self._clips[label] = clip
        self.rendered.emit(label)

    def _cached_or_rendered(self, label: str) -> Clip | None:
        while True:
            with self._lock:
                if not self._engines:
                    return None
                engine = self._engines[0]
            path = cache_file(self._cache_dir, engine, label)
            if path.is_file():
                try:
                    return read_wav(path, label_clip_name(label))
                except AudioFileError as error:
                    log.warning("ignoring a damaged speech cache file: %s", error)
            try:
                clip = engine.render(label, label_clip_name(label))
            except NothingSpoken as error:
                log.warning("%s", error)
                return None
            except SpeechError as error:
                # An engine that fails is dropped; the next one (or the stock phrase) takes over.
                log.warning("speech engine failed, not using it again: %s", error)
                with self._lock:
                    if self._engines and self._engines[0] == engine:
                        self._engines.pop(0)
                continue
            try:
                self._cache_dir.mkdir(parents=True, exist_ok=True)
                # Another instance may read the cache at the same moment: never a half file.
                partial = path.with_suffix(f".{threading.get_ident()}.part")
                partial.unlink(missing_ok=True)  # left by a crash; a link is removed, not followed
                write_wav(clip, partial)
                os.replace(partial, path)
            except OSError as error:
                log.warning("cannot cache the spoken label in %s: %s", self._cache_dir, error)
            return clip

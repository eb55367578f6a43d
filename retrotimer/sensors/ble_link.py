"""The SensorLink over Bluetooth LE: bleak on its own asyncio loop, in a thread of its own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from retrotimer.core.sensors.gatt_measurements import (
    HEART_RATE_MEASUREMENT,
    HEART_RATE_SERVICE,
    RSC_MEASUREMENT,
    RSC_SERVICE,
    MeasurementError,
    parse_heart_rate,
    parse_running_speed,
)
from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind
from retrotimer.core.sensors.sensor_values import SensorDevice, SensorStatus

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_ports import SensorListener

log = logging.getLogger(__name__)

# Waits before connecting again after a drop or a failed attempt: soon at first (a strap
# that lost the skin for a moment), then no more often than every half minute.
RECONNECT_DELAYS_S = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)
CONNECT_TIMEOUT_S = 15.0
CLOSE_TIMEOUT_S = 5.0
_SERVICES = {HEART_RATE_SERVICE: SensorKind.HEART_RATE, RSC_SERVICE: SensorKind.FOOTPOD}
_MEASUREMENTS = {SensorKind.HEART_RATE: HEART_RATE_MEASUREMENT, SensorKind.FOOTPOD: RSC_MEASUREMENT}


def kind_served(service_uuids: Sequence[str]) -> SensorKind | None:
    """The kind of sensor a device advertising these services is (heart rate first)."""
    served = {uuid.lower() for uuid in service_uuids}
    return next((kind for uuid, kind in _SERVICES.items() if uuid in served), None)


class BleLink:
    """Scans for and follows sensors with bleak. Every bleak call runs on this link's loop,
    in its thread; the methods only hand work over to it, so the timer's thread never waits
    for the radio. The listener is called from the link's thread."""

    def __init__(
        self,
        listener: SensorListener,
        *,
        reconnect_delays_s: Sequence[float] = RECONNECT_DELAYS_S,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self._listener = listener
        self._delays = tuple(reconnect_delays_s)
        self._connect_timeout_s = connect_timeout_s
        self._followed: dict[SensorDevice, asyncio.Task[None]] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="ble", daemon=True)
        self._thread.start()
        self._closed = False

    def scan(self, seconds: float) -> None:
        self._submit(self._scan(seconds))

    def follow(self, devices: Sequence[SensorDevice]) -> None:
        self._submit(self._follow(tuple(devices)))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        done = asyncio.run_coroutine_threadsafe(self._shut_down(), self._loop)
        with contextlib.suppress(Exception):
            done.result(CLOSE_TIMEOUT_S)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CLOSE_TIMEOUT_S)
        if not self._thread.is_alive():
            self._loop.close()

    def _submit(self, work: Any) -> None:
        if self._closed:
            work.close()
            return
        future: Future[None] = asyncio.run_coroutine_threadsafe(work, self._loop)
        future.add_done_callback(_log_failure)

    async def _shut_down(self) -> None:
        await self._follow(())
        # bleak's own watchers (of the bus, of scans) end with the loop.
        others = asyncio.all_tasks() - {asyncio.current_task()}
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _scan(self, seconds: float) -> None:
        from bleak import BleakScanner

        try:
            found = await BleakScanner.discover(
                timeout=seconds, service_uuids=list(_SERVICES), return_adv=True
            )
        except Exception as error:  # bleak, D-Bus or the OS: each says why in its message
            log.info("sensor scan failed: %s", error)
            self._listener.scan_done((), f"Bluetooth is not available: {error}")
            return
        devices = []
        for device, advertisement in found.values():
            kind = kind_served(advertisement.service_uuids)
            if kind is not None:
                name = device.name or advertisement.local_name or device.address
                devices.append(SensorDevice(device.address, name, kind))
        self._listener.scan_done(tuple(sorted(devices, key=lambda one: one.name)), "")

    async def _follow(self, devices: tuple[SensorDevice, ...]) -> None:
        for device in [device for device in self._followed if device not in devices]:
            task = self._followed.pop(device)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self._listener.link_changed(SensorStatus(device.kind, LinkState.OFF, device))
        for device in devices:
            if device not in self._followed:
                self._followed[device] = asyncio.create_task(self._keep_connected(device))

    async def _keep_connected(self, device: SensorDevice) -> None:
        from bleak import BleakClient

        failures = 0
        self._tell(device, LinkState.SEARCHING)
        while True:
            lost = asyncio.Event()
            try:
                async with BleakClient(
                    device.address,
                    disconnected_callback=_setter(lost),
                    timeout=self._connect_timeout_s,
                ) as client:
                    await client.start_notify(
                        _MEASUREMENTS[device.kind], self._on_notification(device)
                    )
                    failures = 0
                    self._tell(device, LinkState.CONNECTED)
                    await lost.wait()
                    log.info("sensor %s dropped", device.address)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # an absent device, the radio, D-Bus: all retried
                log.info("sensor %s: %s", device.address, error)
            self._tell(device, LinkState.SEARCHING)
            await asyncio.sleep(self._delays[min(failures, len(self._delays) - 1)])
            failures += 1

    def _on_notification(self, device: SensorDevice) -> Callable[[Any, bytearray], None]:
        def heard(_characteristic: Any, data: bytearray) -> None:
            try:
                if device.kind is SensorKind.HEART_RATE:
                    self._listener.heard_heart_rate(device.address, parse_heart_rate(bytes(data)))
                else:
                    self._listener.heard_stride(device.address, parse_running_speed(bytes(data)))
            except MeasurementError as error:
                log.warning("sensor %s sent %s: %s", device.address, bytes(data).hex(), error)

        return heard

    def _tell(self, device: SensorDevice, state: LinkState) -> None:
        self._listener.link_changed(SensorStatus(device.kind, state, device))


def _setter(event: asyncio.Event) -> Callable[[Any], None]:
    return lambda _client: event.set()


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled() and (error := future.exception()) is not None:
        log.error("sensor work failed", exc_info=error)

"""A fake BlueZ on a private D-Bus: one adapter and sensors serving GATT notifications.

Only the radio is fake: bleak talks to these objects exactly as it talks to BlueZ (the
org.bluez Adapter1, Device1, GattService1 and GattCharacteristic1 interfaces, the object
manager at /, properties and their PropertiesChanged signals), over a dbus-daemon of its own.
"""

import asyncio
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dbus_fast import BusType, DBusError
from dbus_fast.aio import MessageBus
from dbus_fast.service import PropertyAccess, ServiceInterface, dbus_property, method

# dbus-fast reads the D-Bus signatures of methods and properties from their annotations.
OPTIONS = "a{sv}"
STRINGS = "as"
BYTES = "ay"
STRING = "s"
BOOLEAN = "b"
OBJECT_PATH = "o"
INT16 = "n"
ADAPTER_PATH = "/org/bluez/hci0"
ADVERTISING_INTERVAL_S = 0.1
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def private_bus(folder: Path) -> Iterator[str]:
    """A dbus-daemon of its own, listening on a socket in `folder`; yields its address."""
    socket = folder / "bus"
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=socket), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)
        assert daemon.stdout is not None
        daemon.stdout.close()


class Adapter(ServiceInterface):
    def __init__(self, bluez: "FakeBluez") -> None:
        super().__init__("org.bluez.Adapter1")
        self._bluez = bluez
        self.discovering = False
        self._advertising: asyncio.Task[None] | None = None

    @method()
    def SetDiscoveryFilter(self, filters: OPTIONS) -> None:
        pass

    @method()
    def StartDiscovery(self) -> None:
        self.discovering = True
        if self._advertising is None:
            self._advertising = asyncio.get_running_loop().create_task(self._advertise())

    @method()
    def StopDiscovery(self) -> None:
        self.discovering = False
        if self._advertising is not None:
            self._advertising.cancel()
            self._advertising = None

    async def _advertise(self) -> None:
        # Sensors advertise over and over; a scanner hears whichever comes after it listens.
        while True:
            self._bluez.advertise()
            await asyncio.sleep(ADVERTISING_INTERVAL_S)

    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> STRING:
        return "00:1A:7D:DA:71:13"

    @dbus_property(access=PropertyAccess.READ)
    def Powered(self) -> BOOLEAN:
        return True

    @dbus_property(access=PropertyAccess.READ)
    def Roles(self) -> STRINGS:
        return ["central", "peripheral"]

    @dbus_property(access=PropertyAccess.READ)
    def Discovering(self) -> BOOLEAN:
        return self.discovering


class Device(ServiceInterface):
    def __init__(self, bluez: "FakeBluez", address: str, name: str, service: str) -> None:
        super().__init__("org.bluez.Device1")
        self._bluez = bluez
        self.address = address
        self.device_name = name
        self.service = service
        self.path = f"{ADAPTER_PATH}/dev_{address.replace(':', '_')}"
        self.connected = False
        self.resolved = False
        self.in_range = True
        self.connects = 0

    @method()
    def Connect(self) -> None:
        if not self.in_range:
            raise DBusError("org.bluez.Error.Failed", "Page Timeout")
        self.connects += 1
        self.connected = self.resolved = True
        self.emit_properties_changed({"Connected": True})
        self.emit_properties_changed({"ServicesResolved": True})

    @method()
    def Disconnect(self) -> None:
        self.drop()

    def drop(self) -> None:
        if self.connected:
            self.connected = self.resolved = False
            self._bluez.characteristic_of(self).notifying = False
            self.emit_properties_changed({"ServicesResolved": False})
            self.emit_properties_changed({"Connected": False})

    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> STRING:
        return self.address

    @dbus_property(access=PropertyAccess.READ)
    def AddressType(self) -> STRING:
        return "public"

    @dbus_property(access=PropertyAccess.READ)
    def Name(self) -> STRING:
        return self.device_name

    @dbus_property(access=PropertyAccess.READ)
    def Alias(self) -> STRING:
        return self.device_name

    @dbus_property(access=PropertyAccess.READ)
    def Adapter(self) -> OBJECT_PATH:
        return ADAPTER_PATH

    @dbus_property(access=PropertyAccess.READ)
    def UUIDs(self) -> STRINGS:
        return [self.service]

    @dbus_property(access=PropertyAccess.READ)
    def Paired(self) -> BOOLEAN:
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Connected(self) -> BOOLEAN:
        return self.connected

    @dbus_property(access=PropertyAccess.READ)
    def ServicesResolved(self) -> BOOLEAN:
        return self.resolved

    @dbus_property(access=PropertyAccess.READ)
    def RSSI(self) -> INT16:
        return -60


class GattService(ServiceInterface):
    def __init__(self, device: Device) -> None:
        super().__init__("org.bluez.GattService1")
        self.device = device
        self.path = f"{device.path}/service000c"

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> STRING:
        return self.device.service

    @dbus_property(access=PropertyAccess.READ)
    def Device(self) -> OBJECT_PATH:
        return self.device.path

    @dbus_property(access=PropertyAccess.READ)
    def Primary(self) -> BOOLEAN:
        return True


class GattCharacteristic(ServiceInterface):
    def __init__(self, service: GattService, uuid: str) -> None:
        super().__init__("org.bluez.GattCharacteristic1")
        self.service = service
        self.uuid = uuid
        self.path = f"{service.path}/char000d"
        self.value = b""
        self.notifying = False

    @method()
    def StartNotify(self) -> None:
        if not self.service.device.connected:
            raise DBusError("org.bluez.Error.NotConnected", "Not Connected")
        self.notifying = True

    @method()
    def StopNotify(self) -> None:
        self.notifying = False

    @method()
    def ReadValue(self, options: OPTIONS) -> BYTES:
        return self.value

    def notify(self, value: bytes) -> None:
        if self.notifying:
            self.value = value
            self.emit_properties_changed({"Value": value})

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> STRING:
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Service(self) -> OBJECT_PATH:
        return self.service.path

    @dbus_property(access=PropertyAccess.READ)
    def Flags(self) -> STRINGS:
        return ["notify"]

    @dbus_property(access=PropertyAccess.READ)
    def Value(self) -> BYTES:
        return self.value

    @dbus_property(access=PropertyAccess.READ)
    def Notifying(self) -> BOOLEAN:
        return self.notifying


class FakeBluez:
    """org.bluez on the bus at `address`, served from a thread of its own; the test adds
    sensors, sends their notifications and drops their links through it."""

    def __init__(self, address: str) -> None:
        self._address = address
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._bus: MessageBus | None = None
        self._characteristics: dict[str, GattCharacteristic] = {}
        self.adapter = Adapter(self)
        self.devices: dict[str, Device] = {}

    def start(self) -> None:
        self._call(self._start())

    async def _start(self) -> None:
        self._bus = await MessageBus(bus_address=self._address, bus_type=BusType.SYSTEM).connect()
        self._bus.export(ADAPTER_PATH, self.adapter)
        await self._bus.request_name("org.bluez")

    def add_sensor(self, address: str, name: str, service: str, measurement: str) -> Device:
        def add() -> Device:
            assert self._bus is not None
            device = Device(self, address, name, service)
            gatt = GattService(device)
            characteristic = GattCharacteristic(gatt, measurement)
            self._bus.export(device.path, device)
            self._bus.export(gatt.path, gatt)
            self._bus.export(characteristic.path, characteristic)
            self.devices[address] = device
            self._characteristics[address] = characteristic
            return device

        return self._run(add)

    def characteristic_of(self, device: Device) -> GattCharacteristic:
        return self._characteristics[device.address]

    def advertise(self) -> None:
        """Every sensor in range is heard again (BlueZ tells it by a new RSSI)."""
        for device in self.devices.values():
            if device.in_range:
                device.emit_properties_changed({"RSSI": -60})

    def notify(self, address: str, value: bytes) -> bool:
        """Send a notification; False when nobody has asked for them (not connected)."""

        def send() -> bool:
            characteristic = self._characteristics[address]
            characteristic.notify(value)
            return characteristic.notifying

        return self._run(send)

    def drop(self, address: str, *, in_range: bool) -> None:
        """The link to a sensor breaks (out of range: it cannot be reached until back)."""

        def drop() -> None:
            device = self.devices[address]
            device.in_range = in_range
            device.drop()

        self._run(drop)

    def come_back(self, address: str) -> None:
        def back() -> None:
            self.devices[address].in_range = True

        self._run(back)

    def close(self) -> None:
        self._run(self.adapter.StopDiscovery)
        if self._bus is not None:
            self._run(self._bus.disconnect)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def _run(self, work):  # type: ignore[no-untyped-def]
        async def call():  # type: ignore[no-untyped-def]
            return work()

        return self._call(call())

    def _call(self, coroutine):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

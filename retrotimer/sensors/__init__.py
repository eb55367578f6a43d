"""Bluetooth LE sensors through bleak, on an asyncio loop of their own."""

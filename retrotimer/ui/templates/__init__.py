"""The Templates screen: the library list and the template editor."""

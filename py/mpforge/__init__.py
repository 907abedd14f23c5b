"""mpforge: build MicroPython-style firmware from Python."""

__version__ = "0.1.0"

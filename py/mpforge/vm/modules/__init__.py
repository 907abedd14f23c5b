"""Built-in modules of the Python-hosted VM: one host module per MicroPython module,
each with `make(vm) -> dict` giving the module's attributes (MicroPython's API only)."""

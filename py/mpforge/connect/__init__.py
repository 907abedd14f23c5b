"""Talking to running firmware: the serial loader protocol, its transports, the REPL."""

"""Module docstring: MicroPython keeps it out of the bytecode at -O0 unless used."""

def with_doc():
    """Function docstring."""
    return 1

def doc_then_code():
    'single quoted docstring'
    x = 1
    return x

def not_a_doc():
    x = 1
    "just an expression statement"
    return x

def only_doc():
    """Only a docstring."""

class Documented:
    """Class docstring."""

    def method(self):
        """Method docstring."""
        return self

class NumberFirst:
    1
    "not a docstring"

async def async_doc():
    """Async docstring."""

def bytes_doc():
    b"bytes are not docstrings"

def fstring_first():
    f"f-strings are not docstrings {1}"

print(with_doc(), doc_then_code(), not_a_doc(), only_doc(), Documented().method())

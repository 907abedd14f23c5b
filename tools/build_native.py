"""Build the compiler to C with mypyc (see py/mpforge/compiler/native.py).

    python3 tools/build_native.py
"""

import os

# the build replaces the native modules: import the Python ones, and say nothing of a
# stale build
os.environ["MPFORGE_PYTHON_COMPILER"] = "1"

from mpforge.compiler import native  # noqa: E402

if __name__ == "__main__":
    native.build()

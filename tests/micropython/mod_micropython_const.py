# requires: modules
# The micropython module (py/modmicropython.c) exists only on MicroPython: const()
# declares compile-time constants, opt_level() the optimisation level.
from micropython import const
X = const(10)
_Y = const(X * 2)
print(X, _Y, X + _Y)
import micropython
print(micropython.opt_level() >= 0)

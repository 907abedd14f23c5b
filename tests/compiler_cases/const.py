# micropython.const: public and private (underscore, not stored) constants, consts built
# from other consts, consts in expressions, folded arithmetic, consts in functions.
from micropython import const

WIDTH = const(128)
HEIGHT = const(64)
_PRIVATE = const(3)
_AREA = const(WIDTH * HEIGHT)
MASK = const(1 << 12 | 0xF)
_NEG = const(-5)
_BIG = const(1 << 29)
_BIGGER = const(0x7FFFFFFF)
_HEX = const(0xDEAD)
_CALC = const((_PRIVATE + 1) * 2 - (7 // 2) % 3)
_NOT = const(~_PRIVATE)
SHIFT = const(_PRIVATE << 2)
_STR = const("const string")
_BYTES = const(b"\x01\x02")

buf = bytearray(_AREA // 8)
print(WIDTH, HEIGHT, _PRIVATE, _AREA, MASK, _NEG, _BIG, _BIGGER, _HEX, _CALC, _NOT, SHIFT)
print(_STR, _BYTES)

# Folding without const.
a = 1 + 2 * 3
b = (10 - 4) // 3
c = -(-7)
d = ~0
e = 2 ** 10
f = 1 << 40
g = 7 % -3
h = -7 // 2
i = 0xFF & 0x0F | 0x100 ^ 0x11
j = 3 * -2
k = 1 << 62
l2 = 4611686018427387904 * 2
m = -(1 << 63)
n = 10 ** 20
o = 100 // 0 if False else 0
p = 2 ** -1
q = 1.5 * 2
r = "ab" * 3
print(a, b, c, d, e, f, g, h, i, j, k, l2, m, n, o, p, q, r)

def uses_consts(x):
    if x & MASK:
        return x * WIDTH + _PRIVATE
    return _NEG

class Reg:
    ADDR = const(0x40)
    _CTRL = const(0x41)

    def read(self):
        return self.ADDR + _AREA

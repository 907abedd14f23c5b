# requires: classes
class N:
    def __init__(self, v):
        self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __sub__(self, o): return N(self.v - o.v)
    def __mul__(self, o): return N(self.v * o)
    def __floordiv__(self, o): return N(self.v // o)
    def __mod__(self, o): return N(self.v % o)
    def __pow__(self, o): return N(self.v ** o)
    def __neg__(self): return N(-self.v)
    def __pos__(self): return self
    def __invert__(self): return N(~self.v)
    def __and__(self, o): return N(self.v & o)
    def __or__(self, o): return N(self.v | o)
    def __xor__(self, o): return N(self.v ^ o)
    def __lshift__(self, o): return N(self.v << o)
    def __rshift__(self, o): return N(self.v >> o)
    def __radd__(self, o): return N(o + self.v)
n = N(6)
for r in (n + 1, n + N(2), n - N(1), n * 3, n // 4, n % 4, n ** 2, -n, +n, ~n, n & 3, n | 1, n ^ 5, n << 2, n >> 1, 10 + n):
    print(r.v)

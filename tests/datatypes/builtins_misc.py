# requires: float, datatypes
print(abs(-5), abs(2.5), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(3, 4, 5))
print(min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3], 10), round(2.567, 2), round(7))
print(chr(65), ord("a"), hex(255), oct(8), bin(5), all([1, 2]), any([0, 0]))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), list(reversed([1, 2, 3])))
print(list(enumerate("ab", 1)), list(zip([1, 2], "xy")), list(filter(None, [0, 1, 2])))

# requires: datatypes
print("{} {}".format(1, "a"), "{1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{:5}|{:<5}|{:>5}|{:^5}".format("ab", "cd", "ef", "gh"))
print("{:05d} {:+d} {:x} {:X} {:o} {:b}".format(42, 7, 255, 255, 8, 5))
print("{:,}".format(1234567) if False else "{:*>8}".format("r"), "{{}}".format())
print("{0[1]} {1[k]}".format([1, 2], {"k": "v"}), "{!r}".format("q"), "{:>4}".format(3))

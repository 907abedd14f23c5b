# requires: float, datatypes
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("a", "b"), "{:>5}|{:<5}|".format("r", "l"))
print("%d %s %5.2f %x" % (42, "str", 3.14159, 255))
print("{:05d}".format(42), "{:.3f}".format(2.0 / 3))

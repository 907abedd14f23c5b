# requires: modules, datatypes
import random
random.seed(42)
vals = [random.getrandbits(8) for _ in range(5)]
print(all(0 <= v < 256 for v in vals), len(vals))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(50)), random.choice([7]), 0 <= random.random() < 1)
print(all(3 <= random.randrange(3, 9) < 9 for _ in range(20)), random.randrange(5, 6))

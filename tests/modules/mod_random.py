# requires: modules, datatypes
import random
random.seed(1)
x = random.randint(1, 6)
print(1 <= x <= 6, 0 <= random.random() < 1, random.choice([7]) == 7, 0 <= random.getrandbits(8) < 256)

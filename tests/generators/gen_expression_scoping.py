# requires: generators, datatypes
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
pairs = list((i, j) for i in range(3) for j in range(i))
print(pairs, sum(i for i in range(10) if i % 3 == 0))

# requires: generators, datatypes
squares = (x * x for x in range(6) if x % 2 == 0)
print(list(squares))
print(sum(x for x in range(100)), max(len(w) for w in ["a", "abc", "ab"]))

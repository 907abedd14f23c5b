# List/dict/set comprehensions and generator expressions: conditions, nesting, several
# for clauses, closures over enclosing locals, at module and function level.
data = [3, 1, 4, 1, 5, 9, 2, 6]
squares = [x * x for x in data]
evens = [x for x in data if x % 2 == 0]
odd_big = [x for x in data if x % 2 if x > 2]
pairs = [(x, y) for x in range(3) for y in range(x)]
cond = [x if x > 3 else -x for x in data]
nested = [[y for y in range(x)] for x in range(4)]
as_dict = {x: x * 2 for x in data}
as_dict2 = {str(k): v for k, v in as_dict.items() if v}
as_set = {x % 3 for x in data}
gen = (x + 1 for x in data)
total = sum(x for x in data if x)
flat = [c for row in [[1, 2], [3]] for c in row if c for _ in (0,)]
unpack = [a + b for a, b in [(1, 2), (3, 4)]]
star_unpack = [rest for first, *rest in [(1, 2, 3)]]

def in_function(n, seq):
    k = 2
    a = [x * k for x in seq]
    b = {x: n for x in seq}
    c = {x + k for x in range(n)}
    d = list(x * y for x in seq for y in range(k))
    e = [[x + y for y in seq] for x in seq]
    f = [lambda: x for x in seq]
    return a, b, c, d, e, f

def comp_over_param(items):
    return [i for i in items]

def gen_in_call(seq):
    return max(x for x in seq), any(x > 2 for x in seq)

print(squares, evens, odd_big, pairs, cond, nested, as_dict, as_dict2, as_set, list(gen))
print(total, flat, unpack, star_unpack, in_function(3, [1, 2])[:5], gen_in_call([1, 5]))

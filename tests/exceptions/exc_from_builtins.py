# requires: exceptions, datatypes
cases = [lambda: [].pop(), lambda: {}["k"], lambda: int("x"), lambda: "a" * "b",
         lambda: None.attr, lambda: [1, 2][5], lambda: (1,)[1], lambda: "abc".index("z"),
         lambda: {1}.remove(2), lambda: iter(1), lambda: next(iter([])), lambda: 1 << -1,
         lambda: [].index(0), lambda: ord(""), lambda: chr(-5), lambda: abs("a")]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__)

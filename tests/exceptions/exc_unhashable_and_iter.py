# requires: exceptions, datatypes
for fn in (lambda: {[]: 1}, lambda: set([{}]), lambda: hash([]), lambda: list(5), lambda: tuple(None),
           lambda: [x for x in 3], lambda: sorted(1), lambda: dict([1, 2])):
    try:
        fn()
    except TypeError:
        print("TypeError")
    except ValueError:
        print("ValueError")

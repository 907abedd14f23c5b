# assert with and without a message, in functions and at module level, with compound
# conditions (the message is only evaluated on failure).
assert True
assert 1, "one"
assert [1], ("tuple", "message")
x = 5
assert x == 5
assert x > 0 and x < 10, "x out of range: %d" % x
assert not (x is None)

def check(v):
    assert v
    assert isinstance(v, int), "not an int: " + repr(v)
    assert v > 0, v
    return v

def check_in_loop(items):
    for i in items:
        assert i is not None, i

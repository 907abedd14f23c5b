# requires: exceptions
try:
    assert 1 == 2, "not equal"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("bare", e.args)

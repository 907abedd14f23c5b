# requires: exceptions
for cond, msg in ((True, "no"), (False, "custom msg"), (0, None)):
    try:
        if msg is None:
            assert cond
        else:
            assert cond, msg
        print("passed")
    except AssertionError as e:
        print("AssertionError", e.args)

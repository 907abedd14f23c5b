# requires: exceptions
for thing in (ValueError, ValueError("inst"), TypeError):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise 5
except TypeError:
    print("TypeError")
try:
    raise object()
except TypeError:
    print("TypeError obj")

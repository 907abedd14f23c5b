# None as a value: returned, compared, stored
def maybe(x):
    if x > 0:
        return x
    return None

v = maybe(0)
print(v, v == None, v is None, v is not None)  # noqa: E711
w = maybe(5)
print(w, w is None, w == 5)
if not v:
    print("None is falsy")
print(maybe(-1) is None, maybe(1) is None)

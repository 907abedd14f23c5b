# requires: exceptions
def swallow():
    try:
        raise ValueError()
    finally:
        return "finally wins"
print(swallow())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def loop():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("f", i)
    return i
print(loop())

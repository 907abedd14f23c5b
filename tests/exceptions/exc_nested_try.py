# requires: exceptions
def g(n):
    try:
        try:
            if n == 0:
                raise KeyError(n)
            if n == 1:
                raise ValueError(n)
            return "ok"
        except KeyError:
            return "inner KeyError"
        finally:
            print("inner finally", n)
    except ValueError:
        return "outer ValueError"
    finally:
        print("outer finally", n)
for n in range(3):
    print(g(n))

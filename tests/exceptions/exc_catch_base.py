# requires: exceptions
def raiser(t):
    raise t("boom")
for t in (KeyError, IndexError, ZeroDivisionError, ValueError):
    try:
        raiser(t)
    except LookupError:
        print(t.__name__, "LookupError")
    except ArithmeticError:
        print(t.__name__, "ArithmeticError")
    except Exception as e:
        print(t.__name__, "Exception", e)

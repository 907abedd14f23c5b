# requires: exceptions
def classify(x):
    try:
        return 10 // x if isinstance(x, int) else x["k"] if isinstance(x, dict) else x + 1
    except ZeroDivisionError:
        return "zero"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except TypeError:
        return "type"
for v in (2, 0, {}, {"k": 7}, "s", None):
    print(classify(v))

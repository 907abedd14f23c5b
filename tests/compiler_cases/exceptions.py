# try/except/else/finally in every combination, named handlers (the name is deleted at
# the end of the handler), tuples of types, bare except, raise / raise X / raise X from Y,
# return/break/continue through finally, nesting.
class MyError(Exception):
    pass

def basic():
    try:
        1 / 0
    except ZeroDivisionError:
        return "zero"

def named():
    try:
        raise ValueError("v")
    except ValueError as e:
        return str(e)

def tuple_types():
    try:
        int("x")
    except (TypeError, ValueError) as err:
        return type(err).__name__

def bare():
    try:
        raise MyError
    except:
        return "bare"

def with_else(x):
    try:
        y = 10 // x
    except ZeroDivisionError:
        y = -1
    else:
        y += 1
    return y

def with_finally(x):
    out = []
    try:
        out.append(1)
        if x:
            return out
    finally:
        out.append(2)
    return out

def full(x):
    try:
        if x == 1:
            raise KeyError(x)
        if x == 2:
            raise IndexError(x)
    except KeyError:
        r = "key"
    except IndexError as e:
        r = "index %s" % e
    else:
        r = "none"
    finally:
        r = r + "!"
    return r

def reraise():
    try:
        raise MyError("a")
    except MyError:
        raise

def chain():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("chained") from e

def chain_none():
    raise RuntimeError("no cause") from None

def nested():
    try:
        try:
            raise MyError
        except MyError:
            raise ValueError
        finally:
            pass
    except ValueError:
        return "outer"

def loop_control():
    total = 0
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            total += i
        finally:
            total += 100
    while True:
        try:
            break
        except Exception:
            pass
    return total

def finally_return():
    try:
        return 1
    finally:
        pass

def except_in_loop(items):
    for item in items:
        try:
            item()
        except Exception as e:
            print(e)
            continue
        else:
            break

def raise_forms(kind):
    if kind == 0:
        raise MyError
    if kind == 1:
        raise MyError("message")
    if kind == 2:
        e = MyError()
        raise e

print(basic(), named(), tuple_types(), bare(), with_else(0), with_else(5), with_finally(1))
print(full(1), full(2), full(3), nested(), loop_control(), finally_return())

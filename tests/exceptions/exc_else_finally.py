# requires: exceptions
def run(fail):
    try:
        if fail:
            raise RuntimeError("r")
    except RuntimeError:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
run(False)
run(True)

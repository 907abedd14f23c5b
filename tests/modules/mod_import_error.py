# requires: modules, exceptions
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError")
try:
    from math import no_such_name
except ImportError:
    print("ImportError name")

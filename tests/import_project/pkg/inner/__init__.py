from .. import X as parent_x

print("inner", __name__, parent_x)

from helper import VALUE as helper_value

NAME = "sub"
_private = 1
print("sub", __name__)

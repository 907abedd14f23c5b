VALUE = 42
print("helper runs once, as", __name__)


def double(x):
    return 2 * x

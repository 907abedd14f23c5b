# requires: modules
import math as m
from math import sqrt as root, pi
import sys, gc
print(root(9), m.floor(1.5), round(pi, 2), type(gc.collect()).__name__ if False else "ok", sys is __import__("sys"))
import collections
from collections import namedtuple
print(collections.namedtuple is namedtuple)

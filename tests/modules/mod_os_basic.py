# requires: modules, datatypes
import os
print(type(os.listdir(".")) is list, type(os.getcwd()) is str, os.sep if hasattr(os, "sep") else "/")
print(type(os.stat(".")[0]) is int)

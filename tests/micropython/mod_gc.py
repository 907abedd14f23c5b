# requires: modules
# MicroPython-only API: gc.mem_free()/gc.mem_alloc() report the GC heap
# (extmod/py modgc.c); CPython's gc has no such functions.
import gc
gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), type(gc.mem_free()) is int, type(gc.mem_alloc()) is int)

# requires: float, modules, datatypes
import time
t0 = time.time()
time.sleep(0.001)
print(time.time() >= t0, type(time.localtime()[0]))

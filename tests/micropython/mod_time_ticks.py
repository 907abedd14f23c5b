# requires: modules
# time.ticks_ms/ticks_us/ticks_add/ticks_diff are MicroPython's wrap-around tick
# counters (extmod/utime_mphal.c); CPython's time module doesn't have them.
import time
t0 = time.ticks_ms()
t1 = time.ticks_add(t0, 100)
print(time.ticks_diff(t1, t0), time.ticks_diff(t0, t1), type(time.time()) is int or type(time.time()) is float)
time.sleep_ms(1)
print(time.ticks_diff(time.ticks_ms(), t0) >= 0, type(time.ticks_us()) is int)

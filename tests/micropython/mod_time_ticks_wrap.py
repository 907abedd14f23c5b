# requires: time
# MicroPython's tick arithmetic (extmod/utime_mphal.c): ticks wrap at a period that
# depends on the word size (2**30 on 32-bit boards, 2**62 on 64-bit unix), so this
# prints only what every port agrees on. The .exp is MicroPython v1.19.1's (unix).
import time

top = time.ticks_add(0, -1)  # the largest tick
print(time.ticks_add(top, 1), time.ticks_diff(0, top), time.ticks_diff(top, 0))
for t in (0, 1, 12345, top, time.ticks_add(top, -7)):
    print([time.ticks_diff(time.ticks_add(t, d), t) for d in (0, 1, -1, 1000, -1000, 100000)])
print(time.ticks_add(5, -10) == time.ticks_add(top, -4), time.ticks_add(top, 10))
t0 = time.ticks_ms()
u0 = time.ticks_us()
time.sleep_ms(20)
print(time.ticks_diff(time.ticks_ms(), t0) >= 20, time.ticks_diff(time.ticks_us(), u0) >= 20000)
u0 = time.ticks_us()
time.sleep_us(500)
print(time.ticks_diff(time.ticks_us(), u0) >= 500)
print(time.sleep(0), time.sleep_ms(-1), time.sleep_us(-1), time.sleep_ms(0))
for bad in ("1", None):
    try:
        time.sleep_ms(bad)
    except TypeError:
        print("TypeError")

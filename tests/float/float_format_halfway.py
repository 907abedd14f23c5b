# requires: float, mp_float_format
# Ties in fixed-point formatting: MicroPython rounds the printed digits up where CPython
# rounds to even, in %, format() and str.format alike. The .exp is what MicroPython
# v1.19.1's unix port prints.
print("{:.1f}".format(0.25), "{:.0f}".format(2.5), "%5.1f" % 2.25, "%.1f" % 0.75)
print("{:.2f}".format(0.125), "{:.0f}".format(0.5), "%.2f" % 1.125)

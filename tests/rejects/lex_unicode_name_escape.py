x = 1
s = "\N{BULLET}"

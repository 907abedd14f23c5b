x = 1
s = F'{x}'

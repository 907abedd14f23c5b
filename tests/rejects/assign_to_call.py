x = 1
len(x) = 2

x = 0
if x:
    continue

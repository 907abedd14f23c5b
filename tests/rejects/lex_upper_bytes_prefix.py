x = B"abc"

def count_char(s, ch):
    n = 0
    for c in s:
        if c == ch:
            n = n + 1
    return n
print(count_char("mississippi", "s"), count_char("mississippi", "i"), count_char("", "a"))

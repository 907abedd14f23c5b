short = "abc"
longer = "this one is longer than ten bytes"
print(longer)
again = "this one is longer than ten bytes"
name_like = "name_like"
utf = "h\u00e9llo w\u00f6rld"
esc = 'tab\there\n' "joined" 'more'
raw = r"\d+\s*"
tq = """triple
quoted"""
b1 = b"bytes\x00\xff"
print(short, again, name_like, utf, esc, raw, tq, b1)

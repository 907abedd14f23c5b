# f-strings as MicroPython 1.19 supports them (rewritten to str.format): expressions,
# format specs, conversions, nested quotes, braces escaped, never two f-strings adjacent
# (MicroPython 1.19 rejects that, and !r/!s conversions, F/rf prefixes).
name = "world"
n = 42
pi = 3.14159
items = [1, 2, 3]
d = {"k": "v"}
print(f"hello {name}")
print(f"{n}")
print(f"{n:5d}|{n:<5}|{n:>5}|{n:^5}|{n:05}")
print(f"{pi:.2f} {pi:10.3e}")
print(f"{name=} {n=:5}")
print(f"{{literal}} {n}")
print(f"{n + 1} {n * 2} {items[0]} {d['k']} {len(items)}")
print(f"{'quoted'} {name.upper()}")
print(f'{name} in single quotes')
print(f"""triple {name}
quoted {n}""")
print(f"")
print(f"no fields")
print(f"{n}{n}{n}")
print(f"{n:{4}}")
print(f"{n:{n}.{n}}" "plain")
print(f"{n,pi}", f"}}", f"{items[0:2]}")

def in_function(a, b):
    return f"{a}-{b}-{a + b:>4}"

def nested_call(x):
    return f"{in_function(x, 2)}"

print(in_function(1, 2), nested_call(3))

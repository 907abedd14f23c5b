# requires: generators, datatypes
def read(lines):
    for l in lines:
        yield l.strip()
def nonempty(it):
    return (l for l in it if l)
def parse(it):
    for l in it:
        k, _, v = l.partition("=")
        yield k, int(v)
data = [" a=1 ", "", "b=2", "  ", "c=30"]
print(dict(parse(nonempty(read(data)))) == {"a": 1, "b": 2, "c": 30}, sorted(parse(nonempty(read(data)))))

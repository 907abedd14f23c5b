# requires: modules, datatypes
import io
s = io.StringIO()
s.write("hello ")
s.write("world")
print(s.getvalue())
b = io.BytesIO(b"abc\ndef")
print(b.readline(), b.read())

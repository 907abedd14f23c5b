# requires: modules
import io
b = io.BytesIO()
b.write(b"abc")
b.write(bytes([0, 255]))
print(b.getvalue(), len(b.getvalue()))
r = io.BytesIO(b"0123456789")
print(r.read(2), r.read(3), r.seek(8), r.read(), r.read())
print(r.tell())

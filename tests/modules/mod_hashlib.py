# requires: modules, datatypes
import hashlib
h = hashlib.sha256()
h.update(b"abc")
print(h.digest().hex() if hasattr(h.digest(), "hex") else h.digest())
print(hashlib.sha256(b"").digest()[:4])

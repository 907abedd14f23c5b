# requires: modules
import hashlib
h = hashlib.sha256()
h.update(b"abc")
print(h.digest().hex() if hasattr(h.digest(), "hex") else "", len(h.digest()))
print(hashlib.sha256(b"").digest()[:4], hashlib.sha256(b"a" * 100).digest()[-4:])
h2 = hashlib.sha256(b"ab")
h2.update(b"c")
print(h2.digest() == hashlib.sha256(b"abc").digest())

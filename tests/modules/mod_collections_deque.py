# requires: modules, datatypes, exceptions
from collections import deque
d = deque((), 3)
for i in range(5):
    d.append(i)
print(len(d), d.popleft(), d.popleft(), d.popleft())
try:
    d.popleft()
except IndexError:
    print("IndexError")
d.append(7)
d.appendleft(6) if hasattr(d, "appendleft") else d.append(6)
print(len(d))

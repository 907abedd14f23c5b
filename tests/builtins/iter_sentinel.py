# requires: builtins, datatypes
data = [1, 2, 3, 0, 4]
pos = [0]
def take():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(take, 0)))
print(pos[0])

# requires: builtins, bigint
for v in (0, 1, -1, 5, -5, 255, 256, 4095, -4096, 12345):
    print(bin(v), oct(v), hex(v))
print(hex(2**31 - 1), oct(2**20), bin(2**15))

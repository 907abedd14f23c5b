SBOX = [(i * 7 + 3) % 256 for i in range(256)]
def xtime(a):
    a <<= 1
    return (a ^ 0x1B) & 0xFF if a & 0x100 else a
def mix(state):
    out = bytearray(16)
    for c in range(4):
        a = state[4 * c : 4 * c + 4]
        t = a[0] ^ a[1] ^ a[2] ^ a[3]
        for i in range(4):
            out[4 * c + i] = a[i] ^ t ^ xtime(a[i] ^ a[(i + 1) % 4])
    return out
def rounds(block, n):
    for r in range(n):
        block = bytearray(SBOX[b] for b in block)
        block = mix(block)
        block = bytearray(b ^ r for b in block)
    return block
print(bytes(rounds(bytearray(range(16)), 200)).hex())

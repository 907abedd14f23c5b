# requires: bigint
n = 123456789012345678901234567890
print(str(n), int(str(n)) == n, hex(n), oct(n)[:10], bin(2 ** 70)[:12], int("f" * 30, 16))
print(int("-" + "9" * 40), len(str(2 ** 200)), str(-n))

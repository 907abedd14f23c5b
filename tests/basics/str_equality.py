a = "hello"
b = "hel" + "lo"
print(a == b, a != "world", a == "Hello", "" == "")
if a == b:
    print("same")

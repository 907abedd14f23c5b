# str literals, escapes, concatenation and print's separators
print("hello")
print('single quotes', "double quotes")
print("tab\there", "newline\nhere")
print("back\\slash", "quote\"inside", 'apostrophe\'s')
print("con" + "cat" + "enation")
print("ab" * 3, 2 * "xy", "z" * 0)
print("")
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" -- continued", end="!\n")
print(1, "one", True, None, sep="|")
s = """triple
quoted"""
print(s)
print("unicode: \u00e9 \u4e2d")

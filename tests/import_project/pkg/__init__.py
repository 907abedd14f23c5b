X = 7
print("pkg init", __name__)

def grade(n):
    if n >= 50:
        if n >= 90:
            return "A"
        elif n >= 70:
            return "B"
        return "C"
    else:
        if n < 0:
            return "invalid"
        return "F"
print(grade(95), grade(75), grade(55), grade(10), grade(-1))

# requires: exceptions, classes
class Fancy(Exception):
    def __str__(self):
        return "fancy!"
try:
    raise Fancy()
except Exception as e:
    print(str(e), e.args)

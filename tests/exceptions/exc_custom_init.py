# requires: exceptions, classes
class AppError(Exception):
    def __init__(self, code, text):
        super().__init__(text)
        self.code = code
class DbError(AppError):
    pass
try:
    raise DbError(42, "db down")
except AppError as e:
    print(type(e).__name__, e.code, e.args, str(e))
class Plain(Exception):
    pass
print(Plain(1, 2).args, str(Plain("x")), isinstance(Plain(), Exception))

# requires: classes, exceptions, datatypes
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code):
        super().__init__("db", code)
        self.code = code
try:
    raise DbError(42)
except AppError as e:
    print(type(e).__name__, e.code, e.args, isinstance(e, Exception))

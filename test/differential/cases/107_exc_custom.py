class AppError(Exception):
    """Base app error."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return f"{self.field}: {self.message}"
class NotFound(AppError):
    def __init__(self, key):
        self.key = key
        super().__init__(f"{key!r} not found")
class Quiet(AppError):
    pass
for exc in [ValidationError("age", "must be positive"), NotFound("user42"), Quiet(), Quiet("a", 2), AppError("plain")]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    raise ValidationError("name", "empty")
except ValidationError as e:
    print(e.field, e.message, isinstance(e, AppError), isinstance(e, Exception), isinstance(e, BaseException))
print(ValidationError.__mro__)
print(AppError.__doc__, issubclass(NotFound, AppError), issubclass(AppError, ValueError))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")), [WithRepr()])
class Coded(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise Coded(404)
except Coded as e:
    print(e.code, e.args, str(e), repr(e))
class KeyErr(KeyError):
    pass
try:
    raise KeyErr("k")
except LookupError as e:
    print(type(e).__name__, e, repr(e))

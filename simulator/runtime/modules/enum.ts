/**
 * The `enum` module, in Python as CPython's Lib/enum.py is, reduced to its core (3.11
 * behaviour): EnumType collects members from the class body in definition order (auto()
 * values, aliases, tuple values passed to __init__), makes the class iterable, sized and
 * subscriptable by name, and callable by value (with _missing_). Enum, IntEnum, StrEnum,
 * Flag, IntFlag, auto and unique.
 *
 * int and str cannot be subclassed in the simulator, so IntEnum and StrEnum members are
 * not int/str instances: they compare, hash, format and compute like their values.
 */
import { registerPythonModule } from "../../vm/modules";

const SOURCE = `
from types import MappingProxyType

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "auto", "unique"]


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _next = None

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__"))


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name.lstrip("_"),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        member_names = []
        if first_enum is not None:
            for key, value in list(classdict.items()):
                if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                        or _is_descriptor(value) or isinstance(value, type)):
                    continue
                member_names.append(key)
        if first_enum is not None and member_names and first_enum._member_names_:
            raise TypeError("%s: cannot extend enumeration %r" % (cls, first_enum.__name__))
        values = {}
        generate = classdict.get("_generate_next_value_")
        if generate is None and first_enum is not None:
            generate = first_enum._generate_next_value_
        last_values = []
        for key in member_names:
            value = classdict.pop(key)
            if isinstance(value, auto):
                if value.value is None:
                    value.value = generate(key, 1, len(last_values), last_values[:])
                value = value.value
            values[key] = value
            last_values.append(value)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        type.__setattr__(enum_class, "_member_names_", [])
        type.__setattr__(enum_class, "_member_map_", {})
        type.__setattr__(enum_class, "_value2member_map_", {})
        type.__setattr__(enum_class, "_member_type_", member_type)
        for key in member_names:
            value = values[key]
            args = value if isinstance(value, tuple) else (value,)
            member = object.__new__(enum_class)
            if not hasattr(member, "_value_"):
                member._value_ = value if member_type is object or not args else args[0]
            member._name_ = key
            member.__objclass__ = enum_class
            member.__init__(*args)
            existing = None
            for name in enum_class._member_names_:
                other = enum_class._member_map_[name]
                if other._value_ == member._value_:
                    existing = other
                    break
            if existing is not None:
                member = existing
            else:
                enum_class._member_names_.append(key)
            enum_class._member_map_[key] = member
            try:
                enum_class._value2member_map_.setdefault(member._value_, member)
            except TypeError:
                pass
            type.__setattr__(enum_class, key, member)
        return enum_class

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        member_type = object
        first_enum = None
        for base in bases:
            if isinstance(base, EnumType):
                first_enum = base
                if base._member_type_ is not object:
                    member_type = base._member_type_
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new_member_lookup(value)
        return cls._create_(value, names, module=module, qualname=qualname, start=start)

    def __new_member_lookup(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for name in cls._member_names_:
                member = cls._member_map_[name]
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, start=1):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            names = [(name, start + i) for i, name in enumerate(names)]
        elif isinstance(names, dict):
            names = list(names.items())
        classdict = {"__module__": module or "__main__", "__qualname__": qualname or class_name}
        for name, value in names:
            classdict[name] = value
        return EnumType(class_name, (cls,), classdict)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = getattr(cls, "_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return last_values[-1] + 1
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    _value_repr_ = None

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__module__", "name", "value"]

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


def _value_of(other):
    return other._value_ if isinstance(other, Enum) else other


def _delegate(name):
    def method(self, *args):
        return getattr(self._value_, name)(*[_value_of(a) for a in args])
    method.__name__ = name
    return method


class IntEnum(ReprEnum):
    """Enum where members are also (and must be) ints"""

    def __init__(self, *args):
        if not isinstance(self._value_, int):
            raise TypeError("%r is not an integer" % (self._value_,))

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __index__(self):
        return self._value_

    def __int__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)


for _name in ("__lt__", "__le__", "__gt__", "__ge__", "__ne__", "__add__", "__radd__", "__sub__",
              "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__", "__floordiv__",
              "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__", "__neg__", "__pos__",
              "__abs__", "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__",
              "__lshift__", "__rshift__", "__invert__"):
    setattr(IntEnum, _name, _delegate(_name))


class StrEnum(ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __init__(self, *args):
        if not isinstance(self._value_, str):
            raise TypeError("%r is not a string" % (self._value_,))

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __len__(self):
        return len(self._value_)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._value_, name)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


for _name in ("__lt__", "__le__", "__gt__", "__ge__", "__ne__", "__add__", "__radd__",
              "__contains__", "__getitem__", "__iter__", "__mul__"):
    setattr(StrEnum, _name, _delegate(_name))


class Flag(Enum):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 2 ** (high.bit_length())

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        names = []
        remaining = value
        for name in cls._member_names_:
            v = cls._member_map_[name]._value_
            if v and v & value == v and v & (v - 1) == 0:
                names.append(name)
                remaining &= ~v
        if remaining:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        pseudo._name_ = "|".join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        for name in self.__class__._member_names_:
            member = self.__class__._member_map_[name]
            if member._value_ and member._value_ & self._value_ == member._value_:
                yield member

    def __len__(self):
        return len(list(self))

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        return self.__class__(self._value_ | _value_of(other))

    def __and__(self, other):
        return self.__class__(self._value_ & _value_of(other))

    def __xor__(self, other):
        return self.__class__(self._value_ ^ _value_of(other))

    def __invert__(self):
        total = 0
        for name in self.__class__._member_names_:
            total |= self.__class__._member_map_[name]._value_
        return self.__class__(total & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(Flag):
    """Support for integer-based Flags"""

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __index__(self):
        return self._value_

    def __int__(self):
        return self._value_

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
`;

registerPythonModule("enum", SOURCE);

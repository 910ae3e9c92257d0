import json
text = '{"name": "Bob", "n": [1, 2.5, -3e2, true, false, null], "o": {"k": "v"}, "u": "\\u00e9\\ud83d\\ude00"}'
obj = json.loads(text)
print(obj)
print(type(obj["n"][0]).__name__, type(obj["n"][1]).__name__, type(obj["n"][2]).__name__, obj["u"])
print(json.loads("[]"), json.loads("{}"), json.loads('"s"'), json.loads("1"), json.loads(" 2.0 "), json.loads("null"))
print(json.loads('{"a": 1, "a": 2}'), json.loads("[1e400]"), json.loads("-0"), json.loads("NaN"))
original = {"list": [1, [2, [3, {"deep": True}]]], "empty": [], "str": "tab\there", "num": 123456789012345678901234567890}
round_trip = json.loads(json.dumps(original))
print(round_trip == original, round_trip)
print(json.loads(json.dumps((1, 2))), json.loads(json.dumps({1: 2})))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "tru", '{"a" 1}', "[1] x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, "| pos", e.pos, "|", e)
print(issubclass(json.JSONDecodeError, ValueError))
print(json.loads('{"b": 2, "a": 1}', object_pairs_hook=lambda pairs: pairs))
print(json.loads("[1.5, 2]", parse_float=str), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.dumps(json.loads('"\\u00e9"')), json.loads('"\\n\\t\\"\\\\\\/"'))

# requires: modules, datatypes, exceptions
import json
print(json.dumps([1, "a", None, True, False, [], {}]), json.dumps("quote\"\n"), json.dumps({"k": [1, 2]}))
print(json.loads("[1, 2.5, \"x\", null, true, false]"), json.loads('{"a": {"b": [1]}}')["a"]["b"])
print(json.loads('"\\u00e9\\n"') == "\u00e9\n", json.loads(" 42 "), json.loads("-1e2"))
try:
    json.loads("{bad")
except ValueError:
    print("ValueError")

# requires: float, modules, datatypes
import json
obj = {"a": [1, 2, {"b": None}], "c": True, "d": "str"}
s = json.dumps(obj)
print(s)
print(json.loads(s) == obj, json.loads("[1, 2.5, false]"))

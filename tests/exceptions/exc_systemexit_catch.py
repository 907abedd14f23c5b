# requires: exceptions, modules
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.args)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__)

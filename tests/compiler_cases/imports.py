# import forms (compiled only, never run): plain, dotted, as, from, relative, star,
# parenthesised lists, in functions (local binding) and in classes.
import sys
import os, gc
import os.path
import os.path as osp
import a.b.c
import a.b.c as abc
from os import path
from os import path as p, sep
from os.path import (join,
                     split as sp,)
from . import sibling
from .. import parent
from .mod import thing
from ..pkg.mod import other as oth
from ... import deep
from .a.b import c
from micropython import const
from m import *

def local_imports():
    import json
    import a.b
    import a.b as ab
    from collections import namedtuple
    from . import rel
    return json, a, ab, namedtuple, rel

class WithImport:
    import time
    from math import pi

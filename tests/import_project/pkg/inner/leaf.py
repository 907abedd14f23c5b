from ..sub import NAME
from . import parent_x as from_parent

LEAF = "leaf of " + NAME

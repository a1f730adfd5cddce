from . import text
from . import links

from . import text
from . import links
from . import mail_auth

"""call_command for the stand-in."""
import importlib


def call_command(app_module, name, *args, **options):
    module = importlib.import_module("%s.management.commands.%s" % (app_module, name))
    command = module.Command()
    parser = _Parser()
    command.add_arguments(parser)
    merged = dict(parser.defaults)
    merged.update(options)
    return command.handle(*args, **merged)


class _Parser:
    def __init__(self):
        self.defaults = {}

    def add_argument(self, *names, **kw):
        dest = kw.get("dest") or names[-1].lstrip("-").replace("-", "_")
        self.defaults[dest] = kw.get("default")

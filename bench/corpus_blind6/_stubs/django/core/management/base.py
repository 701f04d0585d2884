import sys


class CommandError(Exception):
    pass


class _Style:
    def SUCCESS(self, text):
        return text

    def WARNING(self, text):
        return text


class BaseCommand:
    help = ""

    def __init__(self):
        self.stdout = sys.stdout
        self.stderr = sys.stderr
        self.style = _Style()

    def add_arguments(self, parser):
        pass

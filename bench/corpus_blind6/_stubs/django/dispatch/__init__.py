class Signal:
    def __init__(self):
        self.receivers = []

    def connect(self, receiver, sender=None):
        self.receivers.append((receiver, sender))

    def send(self, sender, **kwargs):
        return [
            (fn, fn(sender=sender, signal=self, **kwargs))
            for fn, wanted in self.receivers
            if wanted is None or wanted is sender
        ]


def receiver(signal, sender=None, **kw):
    def decorate(fn):
        signal.connect(fn, sender=sender)
        return fn

    return decorate

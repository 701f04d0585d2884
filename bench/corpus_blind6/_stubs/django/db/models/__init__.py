"""A Model base that fires post_save on save()."""
from django.db.models import signals


class Model:
    _next_pk = 1

    def __init__(self, **fields):
        self.pk = None
        for name, value in fields.items():
            setattr(self, name, value)

    def save(self):
        created = self.pk is None
        if created:
            self.pk = Model._next_pk
            Model._next_pk += 1
        signals.post_save.send(sender=type(self), instance=self, created=created)

from django.dispatch import Signal

post_save = Signal()
pre_save = Signal()

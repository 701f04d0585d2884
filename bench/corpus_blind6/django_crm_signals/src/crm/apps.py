class CrmConfig:
    name = "crm"

    def ready(self):
        from crm import signals  # noqa: F401

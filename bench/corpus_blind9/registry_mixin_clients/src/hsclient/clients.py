from hsclient.base import BaseClient
from hsclient.mixins import CompaniesMixin, ContactsMixin, PaginateMixin, WebhooksMixin
from hsclient.registry import register


@register("contacts")
class ContactsClient(ContactsMixin, PaginateMixin, BaseClient):
    pass


@register("full")
class HubspotClient(ContactsMixin, CompaniesMixin, PaginateMixin, BaseClient):
    pass


@register("app")
class AppClient(WebhooksMixin, BaseClient):
    """Developer-portal calls: built with the app's developer API key."""

    def __init__(self, app_id, **kwargs):
        super().__init__(**kwargs)
        self.app_id = app_id

class PaginateMixin(object):
    def _paginate(self, path, items_key, params=None, offset_param="offset",
                  offset_key="offset", more_key="has-more"):
        params = dict(params or {})
        while True:
            page = self._call("GET", path, params=params)
            for item in page.get(items_key, []):
                yield item
            if not page.get(more_key):
                break
            params[offset_param] = page[offset_key]


class ContactsMixin(object):
    def contact_by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)

    def upsert_contact(self, email, **props):
        body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
        return self._call("POST", "/contacts/v1/contact/createOrUpdate/email/%s/" % email, data=body)

    def contacts(self, count=100):
        return self._paginate("/contacts/v1/lists/all/contacts/all", "contacts",
                              {"count": count}, offset_param="vidOffset", offset_key="vid-offset")


class CompaniesMixin(object):
    def companies(self):
        return self._paginate("/companies/v2/companies/paged", "companies",
                              {"properties": "name"})

    def add_contact_to_company(self, company_id, vid):
        return self._call("PUT", "/companies/v2/companies/%s/contacts/%s" % (company_id, vid))


class WebhooksMixin(object):
    app_id = None

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)

    def subscribe(self, event_type, property_name=None):
        details = {"subscriptionType": event_type}
        if property_name:
            details["propertyName"] = property_name
        return self._call("POST", "/webhooks/v1/%s/subscriptions" % self.app_id,
                          data={"subscriptionDetails": details, "enabled": True})

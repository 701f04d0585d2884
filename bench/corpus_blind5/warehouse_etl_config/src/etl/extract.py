def _url(cfg, path):
    return cfg.hubspot["base_url"] + path


def deals(cfg, session):
    out, offset = [], 0
    while True:
        page = session.get(
            _url(cfg, "/deals/v1/deal/paged"),
            params={"limit": cfg.hubspot["page_size"], "offset": offset,
                    "properties": ["amount", "dealstage"], "includeAssociations": "true"},
        ).json()
        out.extend(page.get("deals", []))
        if not page.get("hasMore"):
            return out
        offset = page["offset"]


def owners(cfg, session):
    return session.get(_url(cfg, "/owners/v2/owners")).json()


def export_file(cfg, session, file_id):
    """A file from the File Manager: metadata from the API, bytes from the CDN URL."""
    meta = session.get(_url(cfg, "/filemanager/api/v2/files/%s" % file_id)).json()
    resp = session.get(meta["url"])
    return meta["name"], resp.content

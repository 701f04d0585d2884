"""A file-manager backup cron job (2016-2019 style): a requests.Session subclass that
overrides request() to prefix the API root and add params["hapikey"] only for API hosts,
the same session then downloads file bodies from HubSpot's CDN host (no key), and a
caller may build the session with another portal's key."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/filemanager/api/v2/folders",
        "json": {"objects": [{"id": 1, "full_path": "/images"}]},
    },
    {
        "method": "GET",
        "url": r"/filemanager/api/v2/files\?.*offset=0",
        "json": {
            "total_count": 2,
            "objects": [
                {
                    "id": 501,
                    "name": "logo",
                    "extension": "png",
                    "url": "https://cdn2.hubspot.net/hubfs/123/logo.png",
                },
                {
                    "id": 502,
                    "name": "deck",
                    "extension": "pdf",
                    "url": "https://f.hubspotusercontent-na1.net/hubfs/123/deck.pdf",
                },
            ],
        },
    },
    {"method": "GET", "url": r"cdn2\.hubspot\.net", "body": "PNGDATA"},
    {"method": "GET", "url": r"hubspotusercontent", "body": "%PDF-1.4"},
]


def _tmp():
    import tempfile

    return tempfile.mkdtemp(prefix="hsbackup")


def case_backup_env_key(credential):
    import backup_files

    backup_files.backup(_tmp())


def case_backup_and_archive(credential):
    import backup_files

    backup_files.backup(_tmp(), archive=True)


def case_client_portal_session(credential):
    from hs_files import HubSpotSession
    from hs_files.filemanager import FileManager

    fm = FileManager(HubSpotSession(credential("client")))
    fm.archive(777)
    list(fm.files(folder_id=1))

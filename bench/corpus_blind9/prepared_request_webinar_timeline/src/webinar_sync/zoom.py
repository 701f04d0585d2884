from webinar_sync import settings
from webinar_sync.http import Api

zoom = Api("https://api.zoom.us/v2/")


def participants(webinar_id):
    token = None
    while True:
        params = {"page_size": 300}
        if token:
            params["next_page_token"] = token
        page = zoom.send("GET", "/report/webinars/%s/participants" % webinar_id,
                         params=params, token=settings.ZOOM_JWT)
        for p in page.get("participants", []):
            yield p
        token = page.get("next_page_token")
        if not token:
            return

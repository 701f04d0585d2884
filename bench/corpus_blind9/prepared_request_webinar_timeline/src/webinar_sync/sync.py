import logging

from webinar_sync import hubspot, zoom

log = logging.getLogger(__name__)

EVENT_NAME = "Attended webinar"


def sync_webinar(webinar_id, topic):
    et = hubspot.ensure_event_type(EVENT_NAME, "Attended {{topic}}")
    n = 0
    for p in zoom.participants(webinar_id):
        email = p.get("user_email")
        if not email:
            continue
        vid = hubspot.vid_for(email)
        if not vid:
            first, _, last = p.get("name", "").partition(" ")
            vid = hubspot.create_contact(email, first, last)
        hubspot.add_event(et, "%s-%s" % (webinar_id, vid), vid,
                          {"topic": topic, "minutes": p.get("duration", 0) // 60})
        n += 1
    log.info("synced %d participants", n)
    return n

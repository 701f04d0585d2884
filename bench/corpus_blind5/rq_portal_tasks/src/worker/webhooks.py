"""HubSpot webhook events -> jobs, one per event, keyed by the event's portalId."""
from worker import tasks
from worker.jobs import get_queue


def handle(events):
    queue = get_queue("hubspot")
    for event in events:
        if event.get("subscriptionType") == "contact.propertyChange":
            queue.enqueue(tasks.sync_contact, event["portalId"], event["objectId"])
        elif event.get("subscriptionType") == "deal.propertyChange":
            queue.enqueue(tasks.close_deal, event["portalId"], event["objectId"], event.get("amount", 0))
    return queue.done

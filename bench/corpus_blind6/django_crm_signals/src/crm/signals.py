import logging

from django.db.models.signals import post_save
from django.dispatch import receiver

from crm.models import Customer, Order
from crm.services import hubspot

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Customer)
def push_customer_to_hubspot(sender, instance, created, **kwargs):
    try:
        instance.hubspot_vid = hubspot.create_or_update_contact(instance.email, {
            "firstname": instance.first_name,
            "lastname": instance.last_name,
            "company": getattr(instance, "company", ""),
            "plan": instance.plan,
        })
        if created:
            hubspot.submit_signup_form(instance, hutk=getattr(instance, "hutk", None))
    except Exception:
        logger.exception("could not sync customer %s", instance.pk)


@receiver(post_save, sender=Order)
def order_to_deal(sender, instance, created, **kwargs):
    if not created:
        return
    customer = instance.customer
    instance.hubspot_deal_id = hubspot.create_deal(
        customer.hubspot_vid, "Order %s" % instance.reference, instance.amount)
    hubspot.log_note(customer.hubspot_vid, "Order %s placed" % instance.reference)
    hubspot.notify_slack("New order %s from %s" % (instance.reference, customer.email))

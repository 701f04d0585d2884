from django.db import models


class Customer(models.Model):
    """email, first_name, last_name, company, plan, hubspot_vid"""

    def __str__(self):
        return self.email


class Order(models.Model):
    """customer, amount, reference, hubspot_deal_id"""

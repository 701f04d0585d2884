import datetime

from peewee import (CharField, DateTimeField, ForeignKeyField, IntegerField, Model,
                    SqliteDatabase, TextField)

from npsapp import settings

db = SqliteDatabase(settings.DATABASE)


class BaseModel(Model):
    class Meta:
        database = db


class Account(BaseModel):
    name = CharField()
    hubspot_portal_id = IntegerField(null=True)
    hubspot_api_key = CharField(null=True)      # legacy connection
    hubspot_access_token = CharField(null=True)  # OAuth connection (newer accounts)
    own_company_id = IntegerField(null=True)    # the account's company in OUR portal

    @property
    def hubspot_connected(self):
        return bool(self.hubspot_api_key or self.hubspot_access_token)


class SurveyResponse(BaseModel):
    account = ForeignKeyField(Account, backref="responses")
    email = CharField()
    score = IntegerField()
    comment = TextField(default="")
    created = DateTimeField(default=datetime.datetime.utcnow)

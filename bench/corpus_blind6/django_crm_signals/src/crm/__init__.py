default_app_config = "crm.apps.CrmConfig"

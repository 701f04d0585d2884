"""BaseHook.get_connection: connections from AIRFLOW_CONN_<ID> (JSON form), as Airflow
2.3+ reads them from the environment."""
import json
import os


class Connection:
    def __init__(self, conn_id, host=None, login=None, password=None, extra=None, **kw):
        self.conn_id = conn_id
        self.host = host
        self.login = login
        self.password = password
        self.extra = extra or "{}"

    @property
    def extra_dejson(self):
        return json.loads(self.extra) if isinstance(self.extra, str) else dict(self.extra)


class BaseHook:
    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def get_connection(cls, conn_id):
        raw = os.environ["AIRFLOW_CONN_" + conn_id.upper()]
        data = json.loads(raw)
        data.pop("conn_type", None)
        return Connection(conn_id, **data)

"""Airflow's BaseHook/Connection when running under Airflow; a local fallback reading
the same AIRFLOW_CONN_* pieces from the environment otherwise."""
import logging
import os

try:  # pragma: no cover
    from airflow.hooks.base import BaseHook
except ImportError:

    class Connection(object):
        def __init__(self, conn_id, host=None, password=None, login=None, extra=None):
            self.conn_id = conn_id
            self.host = host
            self.password = password
            self.login = login
            self.extra = extra or {}

    class BaseHook(object):
        def __init__(self):
            self.log = logging.getLogger(type(self).__name__)

        @classmethod
        def get_connection(cls, conn_id):
            prefix = "AIRFLOW_CONN_%s_" % conn_id.upper()
            return Connection(
                conn_id,
                host=os.environ.get(prefix + "HOST"),
                password=os.environ.get(prefix + "PASSWORD"),
                login=os.environ.get(prefix + "LOGIN"),
            )

"""Just enough of Airflow's API for the plugin to import and run outside a
scheduler (local debugging, unit tests on the CI box without Airflow)."""
import json
import logging
import os

try:  # pragma: no cover
    from airflow.models import BaseOperator, Variable
    from airflow.hooks.base_hook import BaseHook
except ImportError:

    class Variable(object):
        @staticmethod
        def get(key, default_var=None, deserialize_json=False):
            value = os.environ.get("AIRFLOW_VAR_" + key.upper(), default_var)
            if deserialize_json and isinstance(value, str):
                return json.loads(value)
            return value

    class BaseHook(object):
        def __init__(self, source=None):
            self.log = logging.getLogger(self.__class__.__name__)

    class BaseOperator(object):
        template_fields = ()

        def __init__(self, task_id, **kwargs):
            self.task_id = task_id
            self.log = logging.getLogger("airflow.task.%s" % task_id)
            self.kwargs = kwargs

        def execute(self, context):
            raise NotImplementedError

import os


class Variable:
    @staticmethod
    def get(key, default_var=None):
        return os.environ.get("AIRFLOW_VAR_" + key.upper(), default_var)


class DAG:
    def __init__(self, dag_id, **kw):
        self.dag_id = dag_id
        self.tasks = []

    def __enter__(self):
        DAG.current = self
        return self

    def __exit__(self, *exc):
        DAG.current = None


DAG.current = None

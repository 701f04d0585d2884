from airflow.models import DAG


class PythonOperator:
    def __init__(self, task_id, python_callable, op_kwargs=None, dag=None, **kw):
        self.task_id = task_id
        self.python_callable = python_callable
        self.op_kwargs = op_kwargs or {}
        owner = dag or DAG.current
        if owner is not None:
            owner.tasks.append(self)

    def execute(self, context):
        return self.python_callable(**dict(self.op_kwargs, **context))

"""Which files configure what runs the code: CI jobs, test runners, containers.

Discovery keeps them apart from the files to migrate (they hold no code), so
that the tree-wide pass (:mod:`hapimigrate.tree_runner_env`) can say which of
them still set a migrated key's variable. A leaf module: discovery imports it
for every run, ``check`` included, without the parser.
"""

from __future__ import annotations

import os

# configuration a runner reads, by file name (lower case) or by folder
_RUNNERS = {
    "tox.ini": "tox",
    "pytest.ini": "pytest",
    "setup.cfg": "a test runner's setup.cfg",
    "pyproject.toml": "pytest-env or a tool's pyproject.toml",
    ".gitlab-ci.yml": "a GitLab CI job",
    ".travis.yml": "a Travis CI job",
    "azure-pipelines.yml": "an Azure pipeline",
    "bitbucket-pipelines.yml": "a Bitbucket pipeline",
    "dockerfile": "a container's image",
    "app.yaml": "an App Engine app",
    "serverless.yml": "a Serverless function",
    "procfile": "a Procfile",
    "makefile": "a Makefile recipe",
    "gnumakefile": "a Makefile recipe",
    "justfile": "a justfile recipe",
    ".envrc": "direnv",
    "app.json": "a Heroku app",
}
_FOLDERS = {
    ".github/workflows": "a GitHub Actions workflow",
    ".circleci": "a CircleCI job",
}


def runner(path: str) -> str | None:
    """What runs with the configuration at ``path`` (a CI job, tox, a
    container...), or None for any other file."""
    name = os.path.basename(path).lower()
    if name in _RUNNERS:
        return _RUNNERS[name]
    if name.startswith("docker-compose") or name.startswith("compose."):
        return "docker-compose"
    if name.startswith("dockerfile"):
        return "a container's image"
    if name == ".env" or name.startswith(".env."):
        return "an environment file"
    folder = os.path.dirname(path).replace(os.sep, "/")
    for suffix, what in _FOLDERS.items():
        if folder.endswith(suffix) and name.endswith((".yml", ".yaml")):
            return what
    parts = set(folder.lower().split("/"))
    if parts & _DEPLOYMENT_FOLDERS and name.endswith((".yml", ".yaml")):
        return "a deployment manifest"
    return None


# folders holding Kubernetes/Helm manifests (``- name: HUBSPOT_API_KEY``)
_DEPLOYMENT_FOLDERS = frozenset(
    {"k8s", "kubernetes", "deploy", "deployment", "helm", "charts", "manifests"}
)

from dynaconf import Dynaconf

settings = Dynaconf(
    envvar_prefix="AGENCY",
    settings_files=["settings.toml", ".secrets.toml"],
    environments=True,
)

from typing import Optional

from pydantic import BaseSettings, Field


class Settings(BaseSettings):
    hubspot_api_key: Optional[str] = None
    hubspot_oauth_token: Optional[str] = None
    neverbounce_key: Optional[str] = Field(None, env="NEVERBOUNCE_KEY")
    batch_size: int = Field(2, env="IMPORT_BATCH_SIZE")
    concurrency: int = Field(1, env="IMPORT_CONCURRENCY")

    class Config:
        env_file = ".env"


Config = Settings()

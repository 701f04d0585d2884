from config import current_config

settings = current_config()

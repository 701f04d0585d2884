"""Files hapimigrate writes for its users (scaffold)."""

# hsync -- was hubspot_sync.py until the 2017 rewrite
__version__ = "0.4.2"

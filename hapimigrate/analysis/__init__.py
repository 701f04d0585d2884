"""What a value in a module is and where it goes: data flow, HTTP calls, URL text."""

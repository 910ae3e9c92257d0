class ConfigError(Exception):
    pass

def load_port(raw):
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"bad port value: {raw!r}") from exc

def start(settings):
    port = load_port(settings["port"])
    print("starting on", port)

start({"port": "80"})
start({"port": "eighty"})

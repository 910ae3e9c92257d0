config = {"host": "localhost", "port": "8080"}

def get_setting(name):
    try:
        return config[name]
    except KeyError:
        print(f"missing setting {name!r}, computing fallback")
        fallback = len(name) / (len(name) - len(name))
        return fallback

print(get_setting("host"))
print(get_setting("port"))
print(get_setting("timeout"))

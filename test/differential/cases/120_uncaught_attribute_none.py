def find_user(users, name):
    for u in users:
        if u["name"] == name:
            return u
    return None

class Wrapper:
    def __init__(self, data):
        self.data = data

users = [{"name": "ann", "age": 31}, {"name": "bob", "age": 25}]
found = find_user(users, "bob")
print("found", found)
w = Wrapper(find_user(users, "zed"))
print("wrapped", w.data)
print(w.data.get("age"))

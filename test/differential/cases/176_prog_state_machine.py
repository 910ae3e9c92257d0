TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "coin"): "ready",
    ("ready", "push"): "vending",
    ("vending", "done"): "idle",
    ("idle", "push"): "idle",
}
class TurnstileError(Exception):
    pass
class Machine:
    def __init__(self):
        self.state = "idle"
        self.coins = 0
        self.log = []
    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise TurnstileError(f"no transition from {self.state!r} on {event!r}")
        new = TRANSITIONS[key]
        if event == "coin":
            self.coins += 1
        self.log.append(f"{self.state} --{event}--> {new}")
        self.state = new
        return new
m = Machine()
for ev in ["push", "coin", "coin", "push", "done", "coin", "done", "push"]:
    try:
        print(f"{ev:>5}: now {m.fire(ev)}")
    except TurnstileError as e:
        print(f"{ev:>5}: error: {e}")
print("coins:", m.coins)
print("\n".join(m.log))
def traffic_light():
    states = [("green", 3), ("yellow", 1), ("red", 2)]
    while True:
        for name, duration in states:
            for t in range(duration):
                yield name, t
timeline = traffic_light()
print([next(timeline) for _ in range(8)])
def parse_number(s):
    state = "start"
    for ch in s:
        if state == "start":
            state = "sign" if ch in "+-" else "int" if ch.isdigit() else "error"
        elif state in ("sign", "int"):
            state = "int" if ch.isdigit() else "dot" if ch == "." and state == "int" else "error"
        elif state in ("dot", "frac"):
            state = "frac" if ch.isdigit() else "error"
        if state == "error":
            return False
    return state in ("int", "frac")
for s in ["42", "-7", "3.14", "+.5", "1.", "abc", "", "12.3.4", "-0.001"]:
    print(repr(s), parse_number(s))

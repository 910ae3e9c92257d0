print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and 1, [1] and "x", "a" or "b", 0 or None, None and 1, False or 0.0)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 5, 1 or 0 and 0, (1 or 0) and 0)
print(not 0, not 1, not "", not [1], not not 2)
log = []
def t(name, val):
    log.append(name)
    return val
r = t("a", 0) and t("b", 1)
print(r, log)
log.clear()
r = t("a", 1) or t("b", 1)
print(r, log)
log.clear()
r = t("a", 0) or t("b", 0) or t("c", "last")
print(r, log)
log.clear()
r = t("a", 1) and t("b", 2) and t("c", 0) and t("d", 3)
print(r, log)
name = ""
display = name or "anonymous"
print(display)
cfg = {"x": 0}
print(cfg.get("x") or 10, cfg.get("x", 10), cfg.get("y") or 10)
print(True and "yes" or "no", False and "yes" or "no", 0 and "yes" or "no")
print(type(1 and 2.0).__name__, type(0 or "s").__name__)

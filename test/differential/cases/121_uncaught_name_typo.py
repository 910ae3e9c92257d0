def total_price(items):
    subtotal = 0
    for price, qty in items:
        subtotal += price * qty
    return subtotl * 1.2

prices = [(2, 3), (5, 1)]
print("items:", len(prices))
print("raw sum:", sum(p * q for p, q in prices))
print("computing")
print(total_price(prices))

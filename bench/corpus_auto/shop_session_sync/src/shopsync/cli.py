import sys

from shopsync import orders, products


def sync(since):
    for item in products.shop_products():
        products.upsert_product(item)
    n = 0
    for order in orders.new_orders(since):
        deal = orders.create_deal(order)
        orders.associate(deal, [line["hubspot_line_item"] for line in order["lines"]])
        n += 1
    return n


if __name__ == "__main__":
    print(sync(sys.argv[1]))

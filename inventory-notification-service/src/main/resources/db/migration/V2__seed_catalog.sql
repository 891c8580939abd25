-- A small coffee shop. Stock levels are chosen for demonstrations: plenty of coffee (orders succeed), three mugs with a
-- low-water mark of two (an order of two mugs raises a low-stock alert, a third order is rejected), a few chai lattes.
-- "Espresso" must stay exactly so: the legacy POST /order {"coffee_type": "Espresso"} finds it by name.
INSERT INTO product (sku, name, description, price, currency, stock, low_water_mark) VALUES
    ('ESP-001',  'Espresso',             'A short, intense shot of our house blend.',              2.20, 'EUR', 50, 10),
    ('LAT-001',  'Latte',                'Espresso with plenty of steamed milk and a thin foam.',   3.40, 'EUR', 40, 10),
    ('CAP-001',  'Cappuccino',           'Espresso, steamed milk and a thick layer of foam.',       3.20, 'EUR', 40, 10),
    ('AME-001',  'Americano',            'Espresso lengthened with hot water.',                     2.60, 'EUR', 40, 10),
    ('MOC-001',  'Mocha',                'Espresso, chocolate and steamed milk.',                   3.80, 'EUR', 25, 5),
    ('BEAN-250', 'House Beans 250 g',    'Whole beans of the house blend, roasted this week.',      8.90, 'EUR', 12, 5),
    ('MUG-001',  'Event Shop Mug',       'A stoneware mug with the Event Shop logo. Few left!',    12.00, 'EUR', 3,  2),
    ('TEA-001',  'Chai Latte',           'Spiced black tea with steamed milk.',                     3.50, 'EUR', 6,  3);

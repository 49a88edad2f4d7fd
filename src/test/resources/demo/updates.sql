-- lakefan demo, second run: changes to orders after the first extract. Every updated_at here is later
-- than all of schema.sql (whose last is 2024-01-15 19:17:19.537), so an incremental run picks up exactly
-- these 6 rows: 3 updated, 3 new. The latest view then shows one row per id with the newest status.
SET SESSION sql_mode = '';
SET time_zone = '+00:00';
SET NAMES utf8mb4;

UPDATE orders SET status = 'paid', updated_at = '2024-02-01 09:00:00.000' WHERE id = 5;
UPDATE orders SET status = 'delivered', updated_at = '2024-02-01 09:30:00.250' WHERE id = 27;
UPDATE orders SET status = 'shipped', shipped_at = '2024-02-01 10:00:00.123456', updated_at = '2024-02-01 10:00:00.500' WHERE id = 30;

INSERT INTO orders (id, customer_id, store_id, status, total, coupon, created_at, updated_at, shipped_at) VALUES
(31, 7, 1, 'new', 19.90, NULL, '2024-02-01 11:00:00.000', '2024-02-01 11:00:00.000', NULL),
(32, 18, NULL, 'paid', 258.00, 'SPRING🌸', '2024-02-01 11:05:00.000', '2024-02-01 11:06:30.001', NULL),
(33, 2, 2, 'new', 0.99, NULL, '2024-02-01 12:00:00.999', '2024-02-01 12:00:00.999', NULL);

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES
(31, 1, 1, 1, 19.90),
(32, 1, 3, 2, 129.00),
(33, 1, 5, 1, 0.99);

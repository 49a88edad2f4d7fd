-- lakefan demo: a small shop. Every type family of DESIGN.md's type mapping appears at least once.
-- Deterministic (no NOW(), no RAND()); runs on MariaDB 10.6+ and MySQL 8.
-- Format: one statement per ';' at the end of a line, no DELIMITER blocks (SqlScript splits on ';\n').
-- Tables: stores, customers, products, orders (incremental on updated_at), order_items, type_extremes,
-- returns (empty).

-- zero dates ('0000-00-00') are legacy data lakefan must turn into nulls; strict modes refuse them
SET SESSION sql_mode = '';
-- TIMESTAMP values below are UTC, whatever the server's zone
SET time_zone = '+00:00';
SET NAMES utf8mb4;

-- TIME beyond a clock (negative, over 24 hours), YEAR, POINT, CHAR, unicode VARCHAR
CREATE TABLE stores (
  id            TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  city          VARCHAR(100) NOT NULL,
  phone         CHAR(15) NULL,
  location      POINT NULL,
  opens_at      TIME NOT NULL,
  closes_at     TIME NOT NULL,
  pickup_offset TIME NULL,
  max_delivery  TIME NULL,
  opened_year   YEAR NOT NULL
) DEFAULT CHARSET = utf8mb4;

INSERT INTO stores (id, name, city, phone, location, opens_at, closes_at, pickup_offset, max_delivery, opened_year) VALUES
(1, 'Café Zürich', 'Zürich', '+41 44 000 0001', ST_GeomFromText('POINT(8.5417 47.3769)'), '08:00:00', '20:00:00', '-00:30:00', '48:00:00', 1998),
(2, '東京 渋谷店', '東京', '+81 3 0000 0002', ST_GeomFromText('POINT(139.7016 35.6580)'), '10:00:00', '22:30:00', '-01:15:30', '72:00:00', 2012),
(3, 'São Paulo Centro', 'São Paulo', NULL, ST_GeomFromText('POINT(-46.6333 -23.5505)'), '09:00:00', '18:00:00', '00:00:00', '120:30:00', 2020),
(4, 'Pop-up 🛒 Store', 'Reykjavík', '+354 000 0004', NULL, '00:00:00', '23:59:59', NULL, NULL, 2024),
(5, 'Warehouse', 'Łódź', NULL, ST_GeomFromText('POINT(19.4560 51.7592)'), '-02:00:00', '838:59:59', '-838:59:59', '838:59:59', 1901);

-- ENUM, SET, JSON, TEXT, TINYINT(1), zero dates, TIMESTAMP(3), NULLs
CREATE TABLE customers (
  id          INT UNSIGNED NOT NULL PRIMARY KEY,
  full_name   VARCHAR(100) NOT NULL,
  email       VARCHAR(255) NULL,
  country     CHAR(2) NOT NULL,
  tier        ENUM('bronze', 'silver', 'gold') NULL,
  interests   SET('books', 'music', 'sports', 'travel', 'garden') NOT NULL DEFAULT '',
  newsletter  TINYINT(1) NOT NULL DEFAULT 0,
  birth_date  DATE NULL,
  last_login  DATETIME NULL,
  signup_year YEAR NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL DEFAULT '2024-01-01 00:00:00.000',
  notes       TEXT NULL,
  preferences JSON NULL
) DEFAULT CHARSET = utf8mb4;

INSERT INTO customers (id, full_name, email, country, tier, interests, newsletter, birth_date, last_login, signup_year, created_at, notes, preferences) VALUES
(1, 'Zoë Çelik', 'zoe@example.com', 'TR', 'gold', 'books,travel', 1, '1990-04-12', '2024-01-20 18:22:01', 2015, '2015-03-01 09:00:00.123', 'Prefers email. Ünïcödé notes: ñ, ß, ø.', '{"lang": "tr", "theme": "dark"}'),
(2, '山田 太郎', 'taro@example.jp', 'JP', 'silver', 'music', 0, '1985-11-30', '2024-01-19 07:00:00', 2018, '2018-06-15 12:30:45.500', '日本語のメモ', '{"lang": "ja"}'),
(3, 'José Müller', 'jose@example.de', 'DE', 'bronze', '', 1, '0000-00-00', '0000-00-00 00:00:00', 2019, '2019-01-01 00:00:00.000', NULL, NULL),
(4, 'O''Brien & Sons', 'billing@obrien.example', 'IE', NULL, 'sports,garden', 0, NULL, NULL, 2020, '2020-02-29 23:59:59.999', 'Quote '' and backslash \\ in text', '{"po_required": true, "limits": [100, 200.5]}'),
(5, 'Дмитрий Иванов', NULL, 'RU', 'bronze', 'books', 0, '1979-07-07', '2023-12-31 23:59:59', 2016, '2016-08-08 08:08:08.008', NULL, '{}'),
(6, '李小龙 🐉', 'bruce@example.cn', 'CN', 'gold', 'sports', 1, '1940-11-27', '2024-01-08 13:15:00', 2010, '2010-10-10 10:10:10.100', 'Dragon emoji in name', '{"emoji": "🐉"}'),
(7, 'Emoji 🎉😀 Fan', 'party@example.com', 'US', 'silver', 'music,travel', 1, '2000-01-01', '2024-01-09 16:54:00', 2021, '2021-12-31 23:00:00.000', 'Party 🎉 time', '{"tags": ["🎉", "😀"]}'),
(8, 'Søren Kierkegaard', 'soren@example.dk', 'DK', NULL, 'books', 0, '1813-05-05', NULL, 2011, '2011-05-05 05:05:05.050', 'Very old birth date', NULL),
(9, 'Nguyễn Văn An', 'an@example.vn', 'VN', 'bronze', 'travel,garden', 1, '1995-09-02', '2024-01-12 12:12:00', 2022, '2022-09-02 09:02:00.000', NULL, '{"lang": "vi"}'),
(10, 'محمد علي', 'm.ali@example.eg', 'EG', 'silver', '', 0, '1988-02-14', '2024-01-14 15:51:00', 2017, '2017-02-14 14:02:00.214', 'Right-to-left name', NULL),
(11, 'Łukasz Żółć', 'lukasz@example.pl', 'PL', 'gold', 'books,music,sports,travel,garden', 1, '1992-12-24', '2024-01-15 08:30:00', 2014, '2014-12-24 18:00:00.000', NULL, '{"vip": true}'),
(12, 'Ærøskøbing Café', NULL, 'DK', NULL, '', 0, NULL, NULL, 2023, '2023-03-03 03:03:03.003', '', NULL),
(13, 'Renée Dubois', 'renee@example.fr', 'FR', 'bronze', 'garden', 1, '1975-06-21', '2024-01-08 14:28:00', 2013, '2013-06-21 21:00:00.000', 'Multi-line
note with a tab	and a newline', NULL),
(14, 'Björk Guðmundsdóttir', 'bjork@example.is', 'IS', 'gold', 'music', 0, '1965-11-21', '2024-01-10 17:07:00', 2012, '2012-11-21 11:21:00.000', NULL, '{"lang": "is"}'),
(15, 'Ana María Pérez', 'ana@example.mx', 'MX', 'silver', 'travel', 1, '0000-00-00', '2024-01-11 10:46:00', 2019, '2019-07-04 04:07:00.000', 'Zero birth date from a legacy import', NULL),
(16, 'Κώστας Παπαδόπουλος', 'kostas@example.gr', 'GR', NULL, 'sports', 0, '1983-03-25', '2024-01-13 13:25:00', 2020, '2020-03-25 03:25:00.000', NULL, '{"lang": "el"}'),
(17, 'Priya Sharma', 'priya@example.in', 'IN', 'gold', 'books,music', 1, '1991-08-15', '2024-01-14 16:04:00', 2015, '2015-08-15 15:08:00.815', NULL, NULL),
(18, '김민준', 'minjun@example.kr', 'KR', 'bronze', 'music', 1, '1998-10-09', '2024-01-06 09:23:00', 2021, '2021-10-09 10:09:00.000', '한국어 메모', '{"lang": "ko"}'),
(19, 'Big Spender', 'big@example.com', 'CH', 'gold', 'travel', 0, '1970-01-01', '2024-01-07 12:02:00', 2009, '2009-01-01 00:00:01.000', 'Bought the most expensive product', NULL),
(20, 'No Email Person', NULL, 'NZ', NULL, '', 0, NULL, NULL, 2024, '2024-01-01 00:00:00.000', NULL, NULL);

-- DECIMAL(12,2), FLOAT, DOUBLE, MEDIUMINT, BLOB with 0x00 bytes, BINARY, BIT(1), BIT(8), TINYINT(1)
CREATE TABLE products (
  id            SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  sku           CHAR(12) NOT NULL,
  title         VARCHAR(200) NOT NULL,
  description   TEXT NULL,
  price         DECIMAL(12,2) NOT NULL,
  weight_kg     FLOAT NULL,
  rating        DOUBLE NULL,
  stock         MEDIUMINT NOT NULL,
  reorder_level MEDIUMINT UNSIGNED NOT NULL,
  attributes    JSON NULL,
  thumbnail     BLOB NULL,
  checksum      BINARY(16) NULL,
  flags         BIT(8) NOT NULL DEFAULT b'00000000',
  discontinued  BIT(1) NOT NULL DEFAULT b'0',
  is_featured   TINYINT(1) NOT NULL DEFAULT 0
) DEFAULT CHARSET = utf8mb4;

INSERT INTO products (id, sku, title, description, price, weight_kg, rating, stock, reorder_level, attributes, thumbnail, checksum, flags, discontinued, is_featured) VALUES
(1, 'BK-0001', 'Notebook A5', 'Dotted paper, 120 pages', 19.90, 0.35, 4.5, 120, 20, '{"color": "black", "pages": 120}', 0x89504E470D0A1A0A0000000D49484452, 0x00112233445566778899AABBCCDDEEFF, b'00000001', b'0', 1),
(2, 'PN-0002', 'Gel pen', NULL, 4.50, 0.02, 3.9, 800, 100, '{"color": "blue"}', 0x00, 0x00000000000000000000000000000000, b'00000000', b'0', 0),
(3, 'HP-0003', 'Headphones', 'Noise cancelling; 30 h battery', 129.00, 0.25, 4.75, 35, 5, '{"bluetooth": true, "codecs": ["aac", "sbc"]}', 0xFFD8FFE000104A46494600010100000100010000, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, b'10000001', b'0', 1),
(4, 'MG-0004', 'Mug ☕ “Morning”', 'Ceramic, 350 ml', 12.99, 0.4, NULL, 60, 10, NULL, NULL, NULL, b'00000010', b'0', 0),
(5, 'ST-0005', 'Sticker', 'Tiny', 0.99, 0.001, 2.0, 5000, 500, '{}', 0x0000000000, NULL, b'00000000', b'1', 0),
(6, 'CH-0006', 'Office chair', 'Ergonomic', 249.50, 14.5, 4.2, 8, 2, '{"adjustable": ["height", "arms"]}', NULL, 0x0102030405060708090A0B0C0D0E0F10, b'00000100', b'0', 1),
(7, 'TE-0007', 'Green tea 茶', '100 g loose leaf', 7.25, 0.1, 4.8, 0, 30, '{"origin": "静岡"}', NULL, NULL, b'00001000', b'1', 0),
(8, 'KB-0008', 'Keyboard', 'Mechanical, ISO layout', 59.00, 0.9, 4.1, 42, 10, '{"layout": "ISO-DE", "switch": "brown"}', NULL, NULL, b'00010000', b'0', 0),
(9, 'CB-0009', 'USB-C cable', '1 m', 15.00, 0.05, 3.5, 300, 50, '{"length_m": 1}', 0x00FF00FF, NULL, b'00100000', b'0', 0),
(10, 'ER-0010', 'Eraser', NULL, 3.10, 0.015, NULL, -5, 10, NULL, NULL, NULL, b'01000000', b'0', 0),
(11, 'LA-0011', 'Desk lamp', 'LED, dimmable', 89.90, 1.2, 4.6, 17, 3, '{"watts": 9.5}', NULL, NULL, b'10000000', b'0', 1),
(12, 'GI-0012', 'Gift card 🎁', 'Any amount', 1.00, 0, 5, 8388607, 16777215, '{"digital": true}', NULL, NULL, b'11111111', b'0', 0),
(13, 'BG-0013', 'Backpack', '25 l', 34.75, 0.8, 4.4, -8388608, 0, '{"volume_l": 25}', NULL, NULL, b'01010101', b'0', 0),
(14, 'YA-0014', 'Yacht (display model)', 'The largest price a DECIMAL(12,2) holds', 9999999999.99, 12000.5, 1.0E-300, 1, 0, NULL, NULL, NULL, b'10101010', b'0', 1),
(15, 'PU-0015', 'Puzzle 1000 pcs', 'Mountains', 42.00, 1.1, 4.0, 25, 5, '{"pieces": 1000}', NULL, NULL, b'00000011', b'1', 0);

-- the incremental table: new and changed rows are found by updated_at; id is the key of the latest view
CREATE TABLE orders (
  id          BIGINT NOT NULL PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  store_id    TINYINT UNSIGNED NULL,
  status      ENUM('new', 'paid', 'shipped', 'delivered', 'cancelled') NOT NULL,
  total       DECIMAL(12,2) NOT NULL,
  coupon      VARCHAR(20) NULL,
  created_at  DATETIME(3) NOT NULL,
  updated_at  DATETIME(3) NOT NULL,
  shipped_at  DATETIME(6) NULL,
  KEY orders_updated_at (updated_at)
) DEFAULT CHARSET = utf8mb4;

INSERT INTO orders (id, customer_id, store_id, status, total, coupon, created_at, updated_at, shipped_at) VALUES
(1, 8, 1, 'paid', 45.00, NULL, '2024-01-01 09:13:07.037', '2024-01-01 11:13:11.053', NULL),
(2, 15, 2, 'shipped', 4.00, NULL, '2024-01-01 10:26:14.074', '2024-01-01 12:26:22.106', '2024-01-02 07:02:00.246914'),
(3, 2, 3, 'delivered', 43.98, 'WINTER10', '2024-01-02 11:39:21.111', '2024-01-02 13:39:33.159', '2024-01-03 07:03:00.370371'),
(4, 9, 4, 'cancelled', 258.00, NULL, '2024-01-02 12:52:28.148', '2024-01-02 14:52:44.212', NULL),
(5, 16, NULL, 'new', 748.50, NULL, '2024-01-03 13:05:35.185', '2024-01-03 13:05:35.185', NULL),
(6, 3, 1, 'paid', 94.75, NULL, '2024-01-03 14:18:42.222', '2024-01-03 16:18:06.318', NULL),
(7, 10, 2, 'shipped', 1.00, NULL, '2024-01-04 15:31:49.259', '2024-01-04 17:31:17.371', '2024-01-05 07:07:00.864199'),
(8, 17, 3, 'delivered', 84.00, 'WELCOME', '2024-01-04 16:44:56.296', '2024-01-04 18:44:28.424', '2024-01-05 07:08:00.987656'),
(9, 4, 4, 'cancelled', 623.00, NULL, '2024-01-05 17:57:03.333', '2024-01-05 19:57:39.477', NULL),
(10, 11, NULL, 'new', 998.00, NULL, '2024-01-05 08:10:10.370', '2024-01-05 08:10:10.370', NULL),
(11, 18, 1, 'paid', 15.00, NULL, '2024-01-06 09:23:17.407', '2024-01-06 11:23:01.583', NULL),
(12, 5, 2, 'shipped', 15.50, NULL, '2024-01-06 10:36:24.444', '2024-01-06 12:36:12.636', '2024-01-07 07:12:00.481484'),
(13, 12, 3, 'delivered', 126.00, NULL, '2024-01-07 11:49:31.481', '2024-01-07 13:49:23.689', '2024-01-08 07:13:00.604941'),
(14, 19, 4, 'delivered', 9999999999.99, NULL, '2024-01-07 12:02:38.518', '2024-01-07 14:02:34.742', '2024-01-08 07:14:00.728398'),
(15, 6, NULL, 'new', 429.30, NULL, '2024-01-08 13:15:45.555', '2024-01-08 13:15:45.555', NULL),
(16, 13, 1, 'paid', 30.00, NULL, '2024-01-08 14:28:52.592', '2024-01-08 16:28:56.848', NULL),
(17, 20, 2, 'shipped', 3.00, '🎁GIFT', '2024-01-09 15:41:59.629', '2024-01-09 17:41:07.901', '2024-01-10 07:17:00.098769'),
(18, 7, 3, 'delivered', 168.99, NULL, '2024-01-09 16:54:06.666', '2024-01-09 18:54:18.954', '2024-01-10 07:18:00.222226'),
(19, 14, 4, 'cancelled', 129.00, NULL, '2024-01-10 17:07:13.703', '2024-01-10 19:07:29.007', NULL),
(20, 1, NULL, 'new', 499.00, NULL, '2024-01-10 08:20:20.740', '2024-01-10 08:20:20.740', NULL),
(21, 8, 1, 'paid', 184.00, '', '2024-01-11 09:33:27.777', '2024-01-11 11:33:51.113', NULL),
(22, 15, 2, 'shipped', 4.00, NULL, '2024-01-11 10:46:34.814', '2024-01-11 12:46:02.166', '2024-01-12 07:22:00.716054'),
(23, 2, 3, 'delivered', 42.00, NULL, '2024-01-12 11:59:41.851', '2024-01-12 13:59:13.219', '2024-01-13 07:23:00.839511'),
(24, 9, 4, 'cancelled', 435.00, NULL, '2024-01-12 12:12:48.888', '2024-01-12 14:12:24.272', NULL),
(25, 16, NULL, 'new', 748.50, NULL, '2024-01-13 13:25:55.925', '2024-01-13 13:25:55.925', NULL),
(26, 3, 1, 'paid', 60.00, NULL, '2024-01-13 14:38:02.962', '2024-01-13 16:38:46.378', NULL),
(27, 10, 2, 'shipped', 10.00, NULL, '2024-01-14 15:51:09.999', '2024-01-14 17:51:57.431', '2024-01-15 07:27:00.333339'),
(28, 17, 3, 'delivered', 84.00, NULL, '2024-01-14 16:04:16.036', '2024-01-14 18:04:08.484', '2024-01-15 07:28:00.456796'),
(29, 4, 4, 'cancelled', 387.00, NULL, '2024-01-15 17:17:23.073', '2024-01-15 19:17:19.537', NULL),
(30, 11, NULL, 'new', 1087.90, NULL, '2024-01-15 08:30:30.110', '2024-01-15 08:30:30.110', NULL);

-- two-column key; split into chunks on order_id in the config
CREATE TABLE order_items (
  order_id   BIGINT NOT NULL,
  line_no    TINYINT UNSIGNED NOT NULL,
  product_id SMALLINT UNSIGNED NOT NULL,
  quantity   SMALLINT NOT NULL,
  unit_price DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
) DEFAULT CHARSET = utf8mb4;

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES
(1, 1, 9, 3, 15.00),
(2, 1, 12, 4, 1.00),
(3, 1, 15, 1, 42.00),
(3, 2, 5, 2, 0.99),
(4, 1, 3, 2, 129.00),
(5, 1, 6, 3, 249.50),
(6, 1, 9, 4, 15.00),
(6, 2, 13, 1, 34.75),
(7, 1, 12, 1, 1.00),
(8, 1, 15, 2, 42.00),
(9, 1, 3, 3, 129.00),
(9, 2, 8, 4, 59.00),
(10, 1, 6, 4, 249.50),
(11, 1, 9, 1, 15.00),
(12, 1, 12, 2, 1.00),
(12, 2, 2, 3, 4.50),
(13, 1, 15, 3, 42.00),
(14, 1, 14, 1, 9999999999.99),
(15, 1, 6, 1, 249.50),
(15, 2, 11, 2, 89.90),
(16, 1, 9, 2, 15.00),
(17, 1, 12, 3, 1.00),
(18, 1, 15, 4, 42.00),
(18, 2, 5, 1, 0.99),
(19, 1, 3, 1, 129.00),
(20, 1, 6, 2, 249.50),
(21, 1, 9, 3, 15.00),
(21, 2, 13, 4, 34.75),
(22, 1, 12, 4, 1.00),
(23, 1, 15, 1, 42.00),
(24, 1, 3, 2, 129.00),
(24, 2, 8, 3, 59.00),
(25, 1, 6, 3, 249.50),
(26, 1, 9, 4, 15.00),
(27, 1, 12, 1, 1.00),
(27, 2, 2, 2, 4.50),
(28, 1, 15, 2, 42.00),
(29, 1, 3, 3, 129.00),
(30, 1, 6, 4, 249.50),
(30, 2, 11, 1, 89.90);

-- the limits of every type: row 1 minimums, row 2 maximums, row 3 zeros and zero dates, row 4 all NULL,
-- row 5 ordinary values
CREATE TABLE type_extremes (
  id            TINYINT NOT NULL PRIMARY KEY,
  label         VARCHAR(20) NOT NULL,
  c_tinyint     TINYINT NULL,
  c_tinyint_u   TINYINT UNSIGNED NULL,
  c_smallint    SMALLINT NULL,
  c_smallint_u  SMALLINT UNSIGNED NULL,
  c_mediumint   MEDIUMINT NULL,
  c_mediumint_u MEDIUMINT UNSIGNED NULL,
  c_int         INT NULL,
  c_int_u       INT UNSIGNED NULL,
  c_bigint      BIGINT NULL,
  c_bigint_u    BIGINT UNSIGNED NULL,
  c_bool        TINYINT(1) NULL,
  c_decimal     DECIMAL(12,2) NULL,
  c_decimal_max DECIMAL(65,30) NULL,
  c_float       FLOAT NULL,
  c_double      DOUBLE NULL,
  c_date        DATE NULL,
  c_datetime    DATETIME NULL,
  c_datetime6   DATETIME(6) NULL,
  c_timestamp3  TIMESTAMP(3) NULL DEFAULT NULL,
  c_time        TIME NULL,
  c_time6       TIME(6) NULL,
  c_year        YEAR NULL,
  c_char        CHAR(10) NULL,
  c_varchar     VARCHAR(50) NULL,
  c_text        TEXT NULL,
  c_enum        ENUM('a', 'b', 'c') NULL,
  c_set         SET('x', 'y', 'z') NULL,
  c_json        JSON NULL,
  c_binary      BINARY(4) NULL,
  c_varbinary   VARBINARY(16) NULL,
  c_blob        BLOB NULL,
  c_bit1        BIT(1) NULL,
  c_bit8        BIT(8) NULL,
  c_bit64       BIT(64) NULL,
  c_point       POINT NULL
) DEFAULT CHARSET = utf8mb4;

INSERT INTO type_extremes VALUES
(1, 'min', -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, 0,
 -9999999999.99, -99999999999999999999999999999999999.999999999999999999999999999999, -3.40282e38, -1.7976931348623157e308,
 '1000-01-01', '1000-01-01 00:00:00', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000', '-838:59:59', '-838:59:59.000000', 1901,
 '', '', '', 'a', '', '[]', 0x00000000, X'', X'', b'0', b'00000000', 0x0000000000000000, ST_GeomFromText('POINT(-180 -90)')),
(2, 'max', 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, 18446744073709551615, 1,
 9999999999.99, 99999999999999999999999999999999999.999999999999999999999999999999, 3.40282e38, 1.7976931348623157e308,
 '9999-12-31', '9999-12-31 23:59:59', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999', '838:59:59', '838:59:59.000000', 2155,
 'ZZZZZZZZZZ', '😀😀😀 𝄞 多字节 ÄÖÜ', REPEAT('long text ', 100), 'c', 'x,y,z', '{"nested": {"deep": [1, 2, {"k": null}]}}',
 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 0x00FF00FF00, b'1', b'11111111', 0xFFFFFFFFFFFFFFFF, ST_GeomFromText('POINT(180 90)')),
(3, 'zero', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
 0.00, 0, 0, 0,
 '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00.000', '00:00:00', '00:00:00.000000', 0000,
 ' ', ' ', ' ', 'b', 'x', 'null', 0x00, 0x00, 0x00, b'0', b'0', b'0', ST_GeomFromText('POINT(0 0)')),
(4, 'null', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(5, 'ordinary', -5, 200, 1234, 54321, -1000000, 10000000, 123456789, 3000000000, -1234567890123, 12345678901234567890, 1,
 1234.56, 3.141592653589793238462643383279, 3.14159, 2.718281828459045,
 '2024-02-29', '2024-02-29 12:34:56', '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.789', '-01:02:03', '100:00:00.500000', 2024,
 'abc', 'Grüße, 世界 🌍', 'Line 1
Line 2', 'b', 'x,z', '{"a": 1, "b": [true, false], "c": "ü"}', 0x0A000B00, 0xCAFEBABE, 0x000102030405060708090A0B0C0D0E0F, b'1', b'10100101', b'1000000000000000000000000000000000000000000000000000000000000001', ST_GeomFromText('POINT(8.5417 47.3769)'));

-- a table with no rows: the extract is EMPTY and writes no file
CREATE TABLE returns (
  id         INT UNSIGNED NOT NULL PRIMARY KEY,
  order_id   BIGINT NOT NULL,
  reason     ENUM('damaged', 'wrong_item', 'changed_mind') NOT NULL,
  refund     DECIMAL(12,2) NOT NULL,
  comment    TEXT NULL,
  created_at DATETIME(3) NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- Backend Benchmark Lab: deterministic seed (docs/contract.md, Database). Run once, after schema.sql, in the
-- same session. The same rows every time: no random(), no now(), no gen_random_uuid().
--   * every "random" value is pg_temp.lab_rand(h, salt): h is a fixed 32-bit integer hash of the
--     row number (multiply/xorshift, see lab_seq), salt picks an independent stream per column;
--   * timestamps are offsets from TIMESTAMP '2025-01-01 00:00:00' in whole seconds;
--   * UUIDs are md5('<table>:<row>:<column>')::uuid;
--   * ids are explicit (1..n, posts numbered by author then post), sequences are set afterwards.
-- Text search vocabulary in posts.content: every post has 'lorem', 'ipsum', one of 8 common
-- topics (~12.5% each) and one of 12 languages (~8% each); ~80% mention 'benchmark'; rare
-- terms: 'zeppelin' (~0.75% of posts) and 'quasar' (~0.5%).

-- h(n) for n = 1..100000: a 32-bit integer hash (golden-ratio multiply, then xorshift-multiply
-- rounds; every product stays below 2^63).
CREATE TEMP TABLE lab_seq AS
SELECT n, (d # (d >> 16)) AS h
FROM generate_series(1, 100000) AS n,
     LATERAL (SELECT (n::bigint * 2654435761 + 1013904223) % 4294967296 AS a) AS s1,
     LATERAL (SELECT ((a # (a >> 15)) * 73244475) % 4294967296 AS b) AS s2,
     LATERAL (SELECT ((b # (b >> 13)) * 1274126177) % 4294967296 AS d) AS s3;
ALTER TABLE lab_seq ADD PRIMARY KEY (n);

-- A uniform double in [0, 1) from a row hash and a per-column salt (inlined by the planner).
CREATE FUNCTION pg_temp.lab_rand(h bigint, salt bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE AS
$$ SELECT (((h # salt) * 1597334677) % 4294967296)::double precision / 4294967296 $$;

INSERT INTO users (id, name, email, created_at)
SELECT n, 'User' || n, 'user' || n || '@benchmark.com',
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 11) * 2592000))
FROM lab_seq AS s WHERE n <= 1000;

INSERT INTO users_pagination (id, name, email, created_at)
SELECT n, 'User' || n, 'pagination' || n || '@benchmark.com',
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 12) * 2592000))
FROM lab_seq AS s;

INSERT INTO users_narrow (id, name, email, status, created_at)
SELECT n, 'User' || n, 'narrow' || n || '@benchmark.com',
       CASE WHEN pg_temp.lab_rand(s.h, 21) > 0.5 THEN 'active' ELSE 'inactive' END,
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 22) * 2592000))
FROM lab_seq AS s;

INSERT INTO users_wide (id, name, email, status, created_at, phone, address, city, country,
    postal_code, birth_date, gender, occupation, company, website, bio, avatar_url, last_login,
    login_count, preferences)
SELECT n, 'User' || n, 'wide' || n || '@benchmark.com',
       CASE WHEN pg_temp.lab_rand(s.h, 31) > 0.5 THEN 'active' ELSE 'inactive' END,
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 32) * 2592000)),
       '010-' || (1000 + round(pg_temp.lab_rand(s.h, 33) * 8999)::int)
           || '-' || (1000 + round(pg_temp.lab_rand(s.h, 34) * 8999)::int),
       'Address ' || n, 'City ' || (n % 100), 'Country' || (n % 50),
       (10000 + round(pg_temp.lab_rand(s.h, 35) * 899999)::int)::text,
       DATE '1970-01-01' + round(pg_temp.lab_rand(s.h, 36) * 15000)::int,
       CASE WHEN pg_temp.lab_rand(s.h, 37) > 0.5 THEN 'male' ELSE 'female' END,
       'Occupation ' || (n % 30), 'Company ' || (n % 200),
       'https://example.com/user/' || n,
       'Bio text for user ' || n || '. Lorem ipsum dolor sit amet.',
       'https://avatar.example.com/' || n || '.jpg',
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 38) * 604800)),
       round(pg_temp.lab_rand(s.h, 39) * 1000)::int,
       jsonb_build_object('theme', CASE WHEN pg_temp.lab_rand(s.h, 40) > 0.5 THEN 'dark' ELSE 'light' END,
                          'lang', 'ko')
FROM lab_seq AS s;

INSERT INTO users_extra_wide (id, name, email, field_01, field_02, field_03, field_04, field_05, field_06, field_07, field_08, field_09, field_10, field_11, field_12, field_13, field_14, field_15, field_16, field_17, field_18, field_19, field_20, field_21, field_22, field_23, field_24, field_25, field_26, field_27, field_28, field_29, field_30, field_31, field_32, field_33, field_34, field_35, field_36, field_37, field_38, field_39, field_40, field_41, field_42, field_43, field_44, field_45, created_at)
SELECT n, 'User' || n, 'extrawide' || n || '@benchmark.com',
       'val_01_' || n,
       'val_02_' || n,
       'val_03_' || n,
       'val_04_' || n,
       'val_05_' || n,
       'val_06_' || n,
       'val_07_' || n,
       'val_08_' || n,
       'val_09_' || n,
       'val_10_' || n,
       'val_11_' || n,
       'val_12_' || n,
       'val_13_' || n,
       'val_14_' || n,
       'val_15_' || n,
       'val_16_' || n,
       'val_17_' || n,
       'val_18_' || n,
       'val_19_' || n,
       'val_20_' || n,
       'val_21_' || n,
       'val_22_' || n,
       'val_23_' || n,
       'val_24_' || n,
       'val_25_' || n,
       'val_26_' || n,
       'val_27_' || n,
       'val_28_' || n,
       'val_29_' || n,
       'val_30_' || n,
       'val_31_' || n,
       'val_32_' || n,
       'val_33_' || n,
       'val_34_' || n,
       'val_35_' || n,
       'val_36_' || n,
       'val_37_' || n,
       'val_38_' || n,
       'val_39_' || n,
       'val_40_' || n,
       'val_41_' || n,
       'val_42_' || n,
       'val_43_' || n,
       'val_44_' || n,
       'val_45_' || n,
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 41) * 2592000))
FROM lab_seq AS s;

INSERT INTO users_type_int (id, name, email, int_col_01, int_col_02, int_col_03, int_col_04, int_col_05)
SELECT n, 'User' || n, 'int' || n || '@benchmark.com',
       round(pg_temp.lab_rand(s.h, 51) * 1000000)::int,
       round(pg_temp.lab_rand(s.h, 52) * 1000000)::int,
       round(pg_temp.lab_rand(s.h, 53) * 1000000)::int,
       round(pg_temp.lab_rand(s.h, 54) * 1000000)::int,
       round(pg_temp.lab_rand(s.h, 55) * 1000000)::int
FROM lab_seq AS s;

INSERT INTO users_type_varchar (id, name, email, varchar_col_01, varchar_col_02, varchar_col_03, varchar_col_04, varchar_col_05)
SELECT n, 'User' || n, 'varchar' || n || '@benchmark.com',
       'varchar_value_01_' || n,
       'varchar_value_02_' || n,
       'varchar_value_03_' || n,
       'varchar_value_04_' || n,
       'varchar_value_05_' || n
FROM lab_seq AS s;

INSERT INTO users_type_text (id, name, email, text_col_01, text_col_02, text_col_03, text_col_04, text_col_05)
SELECT n, 'User' || n, 'text' || n || '@benchmark.com',
       'Lorem ipsum dolor sit amet, consectetur adipiscing elit. User ' || n || ' text column 01.',
       'Lorem ipsum dolor sit amet, consectetur adipiscing elit. User ' || n || ' text column 02.',
       'Lorem ipsum dolor sit amet, consectetur adipiscing elit. User ' || n || ' text column 03.',
       'Lorem ipsum dolor sit amet, consectetur adipiscing elit. User ' || n || ' text column 04.',
       'Lorem ipsum dolor sit amet, consectetur adipiscing elit. User ' || n || ' text column 05.'
FROM lab_seq AS s;

INSERT INTO users_type_jsonb (id, name, email, json_col_01, json_col_02, json_col_03, json_col_04, json_col_05)
SELECT n, 'User' || n, 'jsonb' || n || '@benchmark.com',
       jsonb_build_object('id', n, 'type', 'col01', 'data', jsonb_build_object('nested', 'value')),
       jsonb_build_object('id', n, 'type', 'col02', 'data', jsonb_build_object('nested', 'value')),
       jsonb_build_object('id', n, 'type', 'col03', 'data', jsonb_build_object('nested', 'value')),
       jsonb_build_object('id', n, 'type', 'col04', 'data', jsonb_build_object('nested', 'value')),
       jsonb_build_object('id', n, 'type', 'col05', 'data', jsonb_build_object('nested', 'value'))
FROM lab_seq AS s;

INSERT INTO users_type_timestamp (id, name, email, ts_col_01, ts_col_02, ts_col_03, ts_col_04, ts_col_05)
SELECT n, 'User' || n, 'timestamp' || n || '@benchmark.com',
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 61) * 31536000)),
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 62) * 31536000)),
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 63) * 31536000)),
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 64) * 31536000)),
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 65) * 31536000))
FROM lab_seq AS s;

INSERT INTO users_type_uuid (id, name, email, uuid_col_01, uuid_col_02, uuid_col_03, uuid_col_04, uuid_col_05)
SELECT n, 'User' || n, 'uuid' || n || '@benchmark.com',
       md5('users_type_uuid:' || n || ':01')::uuid,
       md5('users_type_uuid:' || n || ':02')::uuid,
       md5('users_type_uuid:' || n || ':03')::uuid,
       md5('users_type_uuid:' || n || ':04')::uuid,
       md5('users_type_uuid:' || n || ':05')::uuid
FROM lab_seq AS s;

INSERT INTO authors (id, name, email, bio, created_at)
SELECT n, 'Author' || n, 'author' || n || '@benchmark.com',
       'Bio for author ' || n || '. Writer and content creator.',
       TIMESTAMP '2025-01-01 00:00:00' - make_interval(secs => floor(pg_temp.lab_rand(s.h, 71) * 31536000))
FROM lab_seq AS s WHERE n <= 1000;

-- Author a has K = 5 + (a*7 mod 11) posts (5..15); ids run author by author, post by post.
INSERT INTO posts (id, author_id, title, content, view_count, created_at)
SELECT x.id, x.author_id, 'Post ' || x.p || ' by Author ' || x.author_id,
       'Content of post ' || x.p || '. Lorem ipsum dolor sit amet, consectetur adipiscing elit.'
           || ' Topics: '
           || (ARRAY['database', 'performance', 'framework', 'latency', 'throughput', 'caching',
                     'concurrency', 'scalability'])[1 + floor(pg_temp.lab_rand(s.h, 81) * 8)::int]
           || ', '
           || (ARRAY['python', 'rust', 'golang', 'java', 'ruby', 'node', 'kotlin', 'elixir',
                     'php', 'csharp', 'scala', 'swift'])[1 + floor(pg_temp.lab_rand(s.h, 82) * 12)::int]
           || '.'
           || CASE WHEN pg_temp.lab_rand(s.h, 83) < 0.8 THEN ' Benchmark results included.' ELSE '' END
           || CASE WHEN pg_temp.lab_rand(s.h, 84) < 0.0075 THEN ' A zeppelin drifted past.' ELSE '' END
           || CASE WHEN pg_temp.lab_rand(s.h, 85) < 0.005 THEN ' Quasar observations attached.' ELSE '' END,
       round(pg_temp.lab_rand(s.h, 86) * 10000)::int,
       x.created_at + make_interval(days => x.p)
FROM (
    SELECT row_number() OVER (ORDER BY a.id, p) AS id, a.id AS author_id, p, a.created_at
    FROM authors AS a, LATERAL generate_series(1, 5 + (a.id * 7) % 11) AS p
) AS x
JOIN lab_seq AS s ON s.n = x.id;

INSERT INTO products (id, name, stock, version, updated_at)
SELECT n, 'Product ' || n, 1000, 0, TIMESTAMP '2025-01-01 00:00:00'
FROM generate_series(1, 10) AS n;

-- Explicit ids bypass the sequences: move each to the table's maximum id (the next insert gets max+1).
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('users_pagination', 'id'), (SELECT max(id) FROM users_pagination));
SELECT setval(pg_get_serial_sequence('users_narrow', 'id'), (SELECT max(id) FROM users_narrow));
SELECT setval(pg_get_serial_sequence('users_wide', 'id'), (SELECT max(id) FROM users_wide));
SELECT setval(pg_get_serial_sequence('users_extra_wide', 'id'), (SELECT max(id) FROM users_extra_wide));
SELECT setval(pg_get_serial_sequence('users_type_int', 'id'), (SELECT max(id) FROM users_type_int));
SELECT setval(pg_get_serial_sequence('users_type_varchar', 'id'), (SELECT max(id) FROM users_type_varchar));
SELECT setval(pg_get_serial_sequence('users_type_text', 'id'), (SELECT max(id) FROM users_type_text));
SELECT setval(pg_get_serial_sequence('users_type_jsonb', 'id'), (SELECT max(id) FROM users_type_jsonb));
SELECT setval(pg_get_serial_sequence('users_type_timestamp', 'id'), (SELECT max(id) FROM users_type_timestamp));
SELECT setval(pg_get_serial_sequence('users_type_uuid', 'id'), (SELECT max(id) FROM users_type_uuid));
SELECT setval(pg_get_serial_sequence('authors', 'id'), (SELECT max(id) FROM authors));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
SELECT setval(pg_get_serial_sequence('products', 'id'), (SELECT max(id) FROM products));

DROP TABLE lab_seq;

ANALYZE;

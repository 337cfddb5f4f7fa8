-- Backend Benchmark Lab: the 15 tables of the original lab (docs/contract.md, Database), plus posts.search_vector (text search).
-- Run once in an empty database, before seed.sql. Timestamps are TIMESTAMP WITHOUT TIME ZONE in UTC.

CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

CREATE TABLE IF NOT EXISTS users (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS users_pagination (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS users_narrow (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    status VARCHAR(20) DEFAULT 'active',
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS users_wide (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    status VARCHAR(20) DEFAULT 'active',
    created_at TIMESTAMP DEFAULT NOW(),
    phone VARCHAR(20),
    address VARCHAR(500),
    city VARCHAR(100),
    country VARCHAR(100),
    postal_code VARCHAR(20),
    birth_date DATE,
    gender VARCHAR(10),
    occupation VARCHAR(100),
    company VARCHAR(200),
    website VARCHAR(255),
    bio TEXT,
    avatar_url VARCHAR(500),
    last_login TIMESTAMP,
    login_count INTEGER DEFAULT 0,
    preferences JSONB DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS idx_users_wide_country ON users_wide (country);
CREATE INDEX IF NOT EXISTS idx_users_wide_status ON users_wide (status);

CREATE TABLE IF NOT EXISTS users_extra_wide (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    field_01 VARCHAR(100),
    field_02 VARCHAR(100),
    field_03 VARCHAR(100),
    field_04 VARCHAR(100),
    field_05 VARCHAR(100),
    field_06 VARCHAR(100),
    field_07 VARCHAR(100),
    field_08 VARCHAR(100),
    field_09 VARCHAR(100),
    field_10 VARCHAR(100),
    field_11 VARCHAR(100),
    field_12 VARCHAR(100),
    field_13 VARCHAR(100),
    field_14 VARCHAR(100),
    field_15 VARCHAR(100),
    field_16 VARCHAR(100),
    field_17 VARCHAR(100),
    field_18 VARCHAR(100),
    field_19 VARCHAR(100),
    field_20 VARCHAR(100),
    field_21 VARCHAR(100),
    field_22 VARCHAR(100),
    field_23 VARCHAR(100),
    field_24 VARCHAR(100),
    field_25 VARCHAR(100),
    field_26 VARCHAR(100),
    field_27 VARCHAR(100),
    field_28 VARCHAR(100),
    field_29 VARCHAR(100),
    field_30 VARCHAR(100),
    field_31 VARCHAR(100),
    field_32 VARCHAR(100),
    field_33 VARCHAR(100),
    field_34 VARCHAR(100),
    field_35 VARCHAR(100),
    field_36 VARCHAR(100),
    field_37 VARCHAR(100),
    field_38 VARCHAR(100),
    field_39 VARCHAR(100),
    field_40 VARCHAR(100),
    field_41 VARCHAR(100),
    field_42 VARCHAR(100),
    field_43 VARCHAR(100),
    field_44 VARCHAR(100),
    field_45 VARCHAR(100),
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS users_type_int (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    int_col_01 INTEGER DEFAULT 0,
    int_col_02 INTEGER DEFAULT 0,
    int_col_03 INTEGER DEFAULT 0,
    int_col_04 INTEGER DEFAULT 0,
    int_col_05 INTEGER DEFAULT 0
);

CREATE TABLE IF NOT EXISTS users_type_varchar (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    varchar_col_01 VARCHAR(100),
    varchar_col_02 VARCHAR(100),
    varchar_col_03 VARCHAR(100),
    varchar_col_04 VARCHAR(100),
    varchar_col_05 VARCHAR(100)
);

CREATE TABLE IF NOT EXISTS users_type_text (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    text_col_01 TEXT,
    text_col_02 TEXT,
    text_col_03 TEXT,
    text_col_04 TEXT,
    text_col_05 TEXT
);

CREATE TABLE IF NOT EXISTS users_type_jsonb (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    json_col_01 JSONB DEFAULT '{}',
    json_col_02 JSONB DEFAULT '{}',
    json_col_03 JSONB DEFAULT '{}',
    json_col_04 JSONB DEFAULT '{}',
    json_col_05 JSONB DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS users_type_timestamp (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    ts_col_01 TIMESTAMP,
    ts_col_02 TIMESTAMP,
    ts_col_03 TIMESTAMP,
    ts_col_04 TIMESTAMP,
    ts_col_05 TIMESTAMP
);

CREATE TABLE IF NOT EXISTS users_type_uuid (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    uuid_col_01 UUID,
    uuid_col_02 UUID,
    uuid_col_03 UUID,
    uuid_col_04 UUID,
    uuid_col_05 UUID
);

CREATE TABLE IF NOT EXISTS authors (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    bio TEXT,
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS posts (
    id SERIAL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    title VARCHAR(200) NOT NULL,
    content TEXT,
    view_count INTEGER DEFAULT 0,
    created_at TIMESTAMP DEFAULT NOW(),
    -- Text search (scenario 19): stored, so reads never recompute it.
    search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(title, '') || ' ' || coalesce(content, ''))
    ) STORED
);
CREATE INDEX IF NOT EXISTS idx_posts_author_id ON posts (author_id);
CREATE INDEX IF NOT EXISTS idx_posts_search_vector ON posts USING GIN (search_vector);

CREATE TABLE IF NOT EXISTS bulk_items (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    value INTEGER DEFAULT 0,
    created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS products (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TIMESTAMP DEFAULT NOW()
);

#!/usr/bin/env python3
"""Write SQL files in the shapes real projects load, for bench step 11: dumps with COPY blocks,
seeds of many small INSERTs, big multi-row INSERTs, functions in dollar quotes, Rails' and
Prisma's schema files, a file saved on Windows (CRLF) and one with a byte-order mark, in three
sizes. Usage: real_files.py DIR SCALE (SCALE 10 makes every file ten times smaller)."""

import os
import random
import sys

out, scale = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rng = random.Random(7)


def write(name, text, newline="\n", bom=False):
    with open(os.path.join(out, name), "w", newline=newline, encoding="utf-8") as f:
        if bom:
            f.write("\ufeff")
        f.write(text)


def n(count):
    return max(1, count // scale)


def words(k):
    pool = "crud post reply like share mock data seed bootcamp cloud cruddur message hello world".split()
    return " ".join(rng.choice(pool) for _ in range(k))


# pg_dump of a small application: SETs, tables, sequences, COPY blocks, indexes, constraints.
def pg_dump(tables, rows):
    parts = [
        "--\n-- PostgreSQL database dump\n--\n\n",
        "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET client_encoding = 'UTF8';\n",
        "SET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\n",
        "SET check_function_bodies = false;\nSET client_min_messages = warning;\n\n",
    ]
    for t in range(tables):
        parts.append(
            f"CREATE TABLE public.t{t} (\n    id integer NOT NULL,\n    handle text,\n"
            f"    message text,\n    likes integer DEFAULT 0,\n    created_at timestamp with time zone\n);\n\n"
            f"CREATE SEQUENCE public.t{t}_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\n"
            f"ALTER SEQUENCE public.t{t}_id_seq OWNED BY public.t{t}.id;\n"
            f"ALTER TABLE ONLY public.t{t} ALTER COLUMN id SET DEFAULT nextval('public.t{t}_id_seq'::regclass);\n\n"
        )
    for t in range(tables):
        parts.append(f"COPY public.t{t} (id, handle, message, likes, created_at) FROM stdin;\n")
        parts.extend(
            f"{i}\tuser{i % 97}\t{words(8)}\\t(tab)\t{i % 13}\t2023-03-{i % 28 + 1:02d} 10:{i % 60:02d}:00+00\n"
            for i in range(rows)
        )
        parts.append("\\.\n\n")
        parts.append(f"SELECT pg_catalog.setval('public.t{t}_id_seq', {rows}, true);\n\n")
    for t in range(tables):
        parts.append(f"ALTER TABLE ONLY public.t{t}\n    ADD CONSTRAINT t{t}_pkey PRIMARY KEY (id);\n\n")
        parts.append(f"CREATE INDEX t{t}_handle_idx ON public.t{t} USING btree (handle);\n\n")
    return "".join(parts)


def inserts(rows):
    head = "CREATE TABLE activities (uuid uuid PRIMARY KEY, user_handle text, message text, created_at timestamptz);\n"
    body = "".join(
        f"INSERT INTO public.activities (uuid, user_handle, message, created_at) VALUES "
        f"('{i:08x}-0000-4000-8000-{i:012x}', 'user{i % 50}', '{words(6)} #{i}', current_timestamp + interval '{i % 90} day');\n"
        for i in range(rows)
    )
    return head + body


def multirow(statements, per):
    head = "CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, at timestamptz);\n"
    parts = [head]
    k = 0
    for _ in range(statements):
        values = []
        for _ in range(per):
            values.append(f"({k}, 'kind{k % 7}', '{{\"n\": {k}, \"tags\": [\"a\", \"b\"]}}', '2024-01-01'::timestamptz + {k % 500} * interval '1 minute')")
            k += 1
        parts.append("INSERT INTO events (id, kind, payload, at) VALUES\n  " + ",\n  ".join(values) + ";\n")
    return "".join(parts)


def functions(count):
    parts = ["CREATE TABLE IF NOT EXISTS audit (id bigserial PRIMARY KEY, note text);\n"]
    for f in range(count):
        parts.append(
            f"CREATE OR REPLACE FUNCTION public.fn_{f}(p_id integer, p_note text DEFAULT 'x; not the end')\n"
            "RETURNS integer\nLANGUAGE plpgsql\nAS $function$\nDECLARE\n  v integer := 0;\n"
            "  q text := 'a ''quoted'' ; string';\nBEGIN\n"
            f"  -- a comment with a ; and a $ sign\n  FOR i IN 1..p_id LOOP\n    v := v + i * {f};\n  END LOOP;\n"
            "  INSERT INTO audit (note) VALUES (p_note || $q$; inside $q$);\n  RETURN v;\nEND;\n$function$;\n\n"
            f"COMMENT ON FUNCTION public.fn_{f}(integer, text) IS 'function {f}; generated';\n"
        )
    return "".join(parts)


def rails_structure(tables):
    parts = [
        "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET client_encoding = 'UTF8';\n",
        "SET standard_conforming_strings = on;\nSET check_function_bodies = false;\nSET client_min_messages = warning;\n",
        "SET default_tablespace = '';\nSET default_table_access_method = heap;\n\n",
    ]
    for t in range(tables):
        parts.append(
            f"--\n-- Name: model_{t}s; Type: TABLE; Schema: public; Owner: -\n--\n\n"
            f"CREATE TABLE public.model_{t}s (\n    id bigint NOT NULL,\n    name character varying,\n"
            f"    body text,\n    user_id bigint,\n    created_at timestamp(6) without time zone NOT NULL,\n"
            f"    updated_at timestamp(6) without time zone NOT NULL\n);\n\n"
            f"CREATE SEQUENCE public.model_{t}s_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n"
            f"ALTER SEQUENCE public.model_{t}s_id_seq OWNED BY public.model_{t}s.id;\n\n"
            f"ALTER TABLE ONLY public.model_{t}s ALTER COLUMN id SET DEFAULT nextval('public.model_{t}s_id_seq'::regclass);\n\n"
            f"ALTER TABLE ONLY public.model_{t}s\n    ADD CONSTRAINT model_{t}s_pkey PRIMARY KEY (id);\n\n"
            f"CREATE INDEX index_model_{t}s_on_user_id ON public.model_{t}s USING btree (user_id);\n\n"
        )
    parts.append("CREATE TABLE public.schema_migrations (version character varying NOT NULL);\n\n")
    parts.append("INSERT INTO \"schema_migrations\" (version) VALUES\n" + ",\n".join(f"('2023{v:010d}')" for v in range(tables)) + ";\n")
    return "".join(parts)


def prisma(tables):
    parts = ["-- CreateEnum\nCREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');\n\n"]
    for t in range(tables):
        parts.append(
            f"-- CreateTable\nCREATE TABLE \"Model{t}\" (\n    \"id\" SERIAL NOT NULL,\n    \"email\" TEXT NOT NULL,\n"
            f"    \"name\" TEXT,\n    \"role\" \"Role\" NOT NULL DEFAULT 'USER',\n    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n"
            f"    CONSTRAINT \"Model{t}_pkey\" PRIMARY KEY (\"id\")\n);\n\n"
            f"-- CreateIndex\nCREATE UNIQUE INDEX \"Model{t}_email_key\" ON \"Model{t}\"(\"email\");\n\n"
        )
    return "".join(parts)


def cruddur_schema():
    return (
        "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";\n"
        "DROP TABLE IF EXISTS public.users;\nDROP TABLE IF EXISTS public.activities;\n"
        "CREATE TABLE public.users (\n  uuid UUID DEFAULT uuid_generate_v4() PRIMARY KEY,\n  display_name text,\n"
        "  handle text,\n  cognito_user_id text,\n  created_at TIMESTAMP default current_timestamp NOT NULL\n);\n"
        "CREATE TABLE public.activities (\n  uuid UUID DEFAULT uuid_generate_v4() PRIMARY KEY,\n  user_uuid UUID NOT NULL,\n"
        "  message text NOT NULL,\n  replies_count integer DEFAULT 0,\n  reposts_count integer DEFAULT 0,\n"
        "  likes_count integer DEFAULT 0,\n  reply_to_activity_uuid integer,\n  expires_at TIMESTAMP,\n"
        "  created_at TIMESTAMP default current_timestamp NOT NULL\n);\n"
    )


# name: (text, newline, bom). Small files are dominated by start-up and connecting, big ones
# by the statements themselves.
files = {
    "small-cruddur-schema.sql": (cruddur_schema(), "\n", False),
    "small-seed-inserts.sql": (inserts(n(200)), "\n", False),
    "small-prisma-migration.sql": (prisma(n(5) or 1), "\n", False),
    "small-crlf-schema.sql": (cruddur_schema() + prisma(3), "\r\n", False),
    "small-bom-seed.sql": (inserts(n(100)), "\n", True),
    "medium-pg-dump.sql": (pg_dump(8, n(5000)), "\n", False),
    "medium-rails-structure.sql": (rails_structure(n(150)), "\n", False),
    "medium-functions.sql": (functions(n(300)), "\n", False),
    "medium-seed-inserts.sql": (inserts(n(5000)), "\n", False),
    "medium-crlf-functions.sql": (functions(n(100)), "\r\n", False),
    "medium-multirow-insert.sql": (multirow(n(20), 500), "\n", False),
    "large-pg-dump.sql": (pg_dump(10, n(50000)), "\n", False),
    "large-seed-inserts.sql": (inserts(n(50000)), "\n", False),
    "large-multirow-insert.sql": (multirow(n(200), 1000), "\n", False),
    "large-bom-crlf-dump.sql": (pg_dump(4, n(40000)), "\r\n", True),
}
for name, (text, newline, bom) in files.items():
    write(name, text, newline, bom)

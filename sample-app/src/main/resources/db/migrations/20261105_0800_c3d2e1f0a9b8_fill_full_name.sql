-- revision: c3d2e1f0a9b8
-- down_revision: 9b8a6c2d4e10
-- message: fill full_name from first and last name
-- create_date: 2026-11-05 08:00:00
--
-- A data migration, kept apart from the schema change before it. `||` concatenates on
-- PostgreSQL, SQLite and H2 alike, so one file serves every database.

-- +upgrade
UPDATE users SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL;

-- +downgrade
UPDATE users SET full_name = NULL;

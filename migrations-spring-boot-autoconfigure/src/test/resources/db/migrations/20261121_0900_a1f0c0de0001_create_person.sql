-- revision: a1f0c0de0001
-- message: create person
-- create_date: 2026-11-21 09:00:00

-- +upgrade
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
INSERT INTO person (id, name) VALUES (1, 'Ada Lovelace');

-- +downgrade
DROP TABLE person;

-- revision: root0001
-- message: root

-- +upgrade
CREATE TABLE person (id INTEGER PRIMARY KEY, note VARCHAR(20));

-- +downgrade
DROP TABLE person;

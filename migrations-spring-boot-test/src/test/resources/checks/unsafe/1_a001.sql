-- revision: a001
-- message: create notes

-- +upgrade
CREATE TABLE notes (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL, body VARCHAR(2000));

-- +downgrade
DROP TABLE notes;

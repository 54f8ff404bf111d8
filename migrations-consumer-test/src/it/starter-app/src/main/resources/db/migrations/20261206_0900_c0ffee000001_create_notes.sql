-- revision: c0ffee000001
-- message: create notes

-- +upgrade
CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body VARCHAR(200) NOT NULL);

-- +downgrade
DROP TABLE notes;

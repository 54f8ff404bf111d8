-- revision: good0001
-- message: a good start

-- +upgrade
CREATE TABLE kept (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE kept;

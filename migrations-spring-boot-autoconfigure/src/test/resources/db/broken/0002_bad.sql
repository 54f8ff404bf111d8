-- revision: bad0002
-- down_revision: good0001
-- message: refers to a missing table

-- +upgrade
CREATE TABLE lost (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);

-- +downgrade
DROP TABLE lost;

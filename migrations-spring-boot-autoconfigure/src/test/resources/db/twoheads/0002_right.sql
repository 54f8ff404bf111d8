-- revision: right0002
-- down_revision: root0001
-- message: right branch

-- +upgrade
CREATE TABLE right_table (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE right_table;

-- revision: left0002
-- down_revision: root0001
-- message: left branch

-- +upgrade
CREATE TABLE left_table (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE left_table;

-- revision: root0001
-- message: root

-- +upgrade
CREATE TABLE root_table (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE root_table;

-- revision: 1975ea83b712
-- message: create users

-- +upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));

-- +downgrade
DROP TABLE users;

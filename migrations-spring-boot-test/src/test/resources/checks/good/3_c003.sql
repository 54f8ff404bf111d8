-- revision: c003
-- down_revision: a001
-- message: create tags

-- +upgrade
CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE);
CREATE INDEX tags_name_lower ON tags (name, id);

-- +downgrade
-- the index goes with its table (MySQL and MariaDB have no DROP INDEX without ON <table>)
DROP TABLE tags;

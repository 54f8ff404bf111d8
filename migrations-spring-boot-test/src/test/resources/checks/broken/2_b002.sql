-- revision: b002
-- down_revision: a001
-- message: add body

-- +upgrade
ALTER TABLE notes ADD COLUMN body VARCHAR(2000);
ALTER TABLE no_such_table ADD COLUMN body VARCHAR(2000);

-- +downgrade
ALTER TABLE notes DROP COLUMN body;

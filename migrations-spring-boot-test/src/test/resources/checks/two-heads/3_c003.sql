-- revision: c003
-- down_revision: a001
-- message: add summary

-- +upgrade
ALTER TABLE notes ADD COLUMN summary VARCHAR(2000);

-- +downgrade
ALTER TABLE notes DROP COLUMN summary;

-- revision: b002
-- down_revision: a001
-- message: index titles, drop bodies

-- +upgrade
CREATE INDEX notes_title ON notes (title);
ALTER TABLE notes DROP COLUMN body;

-- +downgrade
ALTER TABLE notes ADD COLUMN body VARCHAR(2000);
DROP INDEX notes_title;

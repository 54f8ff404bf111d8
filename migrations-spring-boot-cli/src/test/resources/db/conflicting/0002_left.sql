-- revision: left0002
-- down_revision: root0001
-- message: drop the note

-- +upgrade
ALTER TABLE person DROP COLUMN note;

-- +downgrade
ALTER TABLE person ADD COLUMN note VARCHAR(20);

-- revision: right0002
-- down_revision: root0001
-- message: rename the note

-- +upgrade
ALTER TABLE person RENAME COLUMN note TO remark;

-- +downgrade
ALTER TABLE person RENAME COLUMN remark TO note;

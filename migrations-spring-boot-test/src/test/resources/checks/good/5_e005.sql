-- revision: e005
-- down_revision: d004
-- message: tag notes

-- +upgrade
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id),
    tag_id INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (note_id, tag_id)
);
ALTER TABLE notes DROP COLUMN body;

-- +downgrade
ALTER TABLE notes ADD COLUMN body VARCHAR(2000);
DROP TABLE note_tags;

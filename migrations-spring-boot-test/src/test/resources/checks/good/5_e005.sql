-- revision: e005
-- down_revision: d004
-- message: tag notes
-- lint_ignore: drop-column: no release reads notes.body since tags replaced it in c003

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

-- revision: d004
-- down_revision: b002, c003
-- message: merge notes and tags

-- +upgrade

-- +downgrade

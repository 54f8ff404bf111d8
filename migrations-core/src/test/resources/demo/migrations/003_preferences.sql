-- revision: ae1027a6acf
-- down_revision: 1975ea83b712
-- branch_labels: preferences
-- message: add user preferences

-- +upgrade
ALTER TABLE users ADD COLUMN user_preferences VARCHAR(500);

-- +downgrade
ALTER TABLE users DROP COLUMN user_preferences;

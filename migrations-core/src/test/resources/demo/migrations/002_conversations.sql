-- revision: 27c6a30d7c24
-- down_revision: 1975ea83b712
-- message: create conversations

-- +upgrade
CREATE TABLE conversations (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title VARCHAR(200));

-- +downgrade
DROP TABLE conversations;

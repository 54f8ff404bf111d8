-- revision: d4afbea00004
-- down_revision: c3bea0000003
-- message: a SQL revision on top of a revision only a bean can make

-- +upgrade
CREATE TABLE after_bean (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE after_bean;

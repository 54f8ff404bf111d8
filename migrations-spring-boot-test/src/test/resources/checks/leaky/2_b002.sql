-- revision: b002
-- down_revision: a001
-- message: create audit log

-- +upgrade
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entry VARCHAR(200));

-- +downgrade
SELECT 1;

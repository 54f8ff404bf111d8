-- revision: g0007
-- down_revision: g0006
-- message: data only, nothing to undo

-- +upgrade
INSERT INTO counters (name, n) VALUES ('customers', 0);

-- +downgrade

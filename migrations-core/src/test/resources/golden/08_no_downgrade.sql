-- revision: g0008
-- down_revision: g0007
-- message: irreversible

-- +upgrade
ALTER TABLE customers DROP COLUMN created_at;

-- revision: g0006
-- down_revision: g0005
-- message: concurrent index
-- transactional: false

-- +upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_customers_email ON customers (email);

-- +downgrade
DROP INDEX CONCURRENTLY IF EXISTS ix_customers_email;

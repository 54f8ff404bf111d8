-- revision: g0005
-- down_revision: g0004
-- message: a SQLite trigger with BEGIN ... END

-- +upgrade
CREATE TRIGGER audit_customers AFTER INSERT ON customers
BEGIN
    INSERT INTO audit (what) VALUES ('insert; customer');
    UPDATE counters SET n = n + 1 WHERE name = 'customers';
END;

-- +downgrade
DROP TRIGGER audit_customers;

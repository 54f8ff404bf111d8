-- revision: g0001
-- message: create customers

-- +upgrade
CREATE TABLE customers (
    id BIGINT PRIMARY KEY,
    email VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_customers_created ON customers (created_at);

-- +downgrade
DROP TABLE customers;

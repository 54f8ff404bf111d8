-- revision: g0002
-- down_revision: g0001
-- message: strings with semicolons, quotes and comments

-- +upgrade
-- a comment; with a semicolon
INSERT INTO customers (id, email) VALUES (1, 'o''brien;@example.com'); /* block; comment */
INSERT INTO customers (id, email) VALUES (2, E'tab\there\'s');
/* nested /* block */ comment; still comment */
UPDATE customers SET email = lower(email) WHERE email LIKE '%;%';

-- +downgrade
DELETE FROM customers WHERE id IN (1, 2);

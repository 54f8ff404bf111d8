-- revision: g0009
-- down_revision: g0008, g0007
-- branch_labels: golden
-- depends_on: g0001
-- create_date: 2026-11-21 12:00:00
-- message: a merge with every header key

-- +upgrade

-- +downgrade

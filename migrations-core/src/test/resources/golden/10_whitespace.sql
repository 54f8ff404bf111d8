-- revision: g0010
-- down_revision: g0009
-- message: tabs	and indentation

-- +upgrade
SELECT
	1,
    2;


-- +downgrade
SELECT 3;

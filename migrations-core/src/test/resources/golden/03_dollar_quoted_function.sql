-- revision: g0003
-- down_revision: g0002
-- message: a function with a dollar-quoted body

-- +upgrade
CREATE FUNCTION touch_created() RETURNS trigger AS $body$
BEGIN
    NEW.created_at := now(); -- semicolons inside the body
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;
DO $$ BEGIN RAISE NOTICE 'done; really'; END $$;

-- +downgrade
DROP FUNCTION touch_created();

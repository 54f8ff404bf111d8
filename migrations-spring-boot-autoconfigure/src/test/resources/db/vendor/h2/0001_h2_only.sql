-- revision: h2only01
-- message: found through the {vendor} placeholder

-- +upgrade
CREATE TABLE h2_only (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE h2_only;

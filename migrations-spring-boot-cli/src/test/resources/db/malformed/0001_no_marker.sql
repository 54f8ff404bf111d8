-- revision: mal00001
-- message: a header without the upgrade marker

CREATE TABLE never_created (id INTEGER);

-- revision: g0004
-- down_revision: g0003
-- message: unicode text, identifiers and emoji

-- +upgrade
CREATE TABLE "Städte" ("näme" VARCHAR(100), "größe" INTEGER);
INSERT INTO "Städte" VALUES ('Zürich ☕', 1), ('東京', 2), ('Kraków 🚋', 3);
COMMENT ON TABLE "Städte" IS 'Städte – cities; « guillemets »';

-- +downgrade
DROP TABLE "Städte";

package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.ReadableExpressions;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditions and defaults as a reviewer reads them: the catalog's canonical text simplified, and the
 * simple text stored again by the database exactly as the canonical one was.
 */
class ReadableExpressionsTest {

    @TempDir
    Path tmp;

    private static final Set<String> TEXT = Set.of("status", "email");

    @Test
    void postgresCanonicalFormsReadAsWritten() {
        assertThat(ReadableExpressions.readable(
                        "((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'LIVE'::character varying])::text[]))",
                        TEXT))
                .isEqualTo("status in ('DRAFT', 'LIVE')");
        assertThat(ReadableExpressions.readable(
                        "((status)::text = ANY (ARRAY[('DRAFT'::character varying)::text, ('LIVE'::character varying)::text]))",
                        TEXT))
                .isEqualTo("status in ('DRAFT', 'LIVE')");
        assertThat(ReadableExpressions.readable("((format >= 0) AND (format <= 2))", TEXT))
                .isEqualTo("format between 0 and 2");
        assertThat(ReadableExpressions.readable("(royalties >= (0)::numeric)", TEXT))
                .isEqualTo("royalties >= 0");
        assertThat(ReadableExpressions.readable("'anonymous'::character varying", TEXT))
                .isEqualTo("'anonymous'");
        assertThat(ReadableExpressions.readable("(lower((email)::text) <> ''::text)", TEXT))
                .isEqualTo("lower(email) <> ''");
    }

    @Test
    void whatHasNothingToSimplifyStaysByteForByte() {
        // SQLite keeps conditions as written: a reviewer's spacing is not touched
        assertThat(ReadableExpressions.readable("status in ('A','B')", TEXT)).isEqualTo("status in ('A','B')");
        assertThat(ReadableExpressions.readable("CURRENT_TIMESTAMP", TEXT)).isEqualTo("CURRENT_TIMESTAMP");
        // a cast that changes the value's type is meaning, not noise
        assertThat(ReadableExpressions.readable("((price)::integer > 5)", TEXT)).isEqualTo("price::integer > 5");
        // outside the grammar: left alone
        assertThat(ReadableExpressions.readable("CASE WHEN a THEN b END", TEXT)).isEqualTo("CASE WHEN a THEN b END");
        assertThat(ReadableExpressions.readable("((a > 0) OR (b > 0)) AND (c > 0)", TEXT))
                .isEqualTo("((a > 0) OR (b > 0)) AND (c > 0)");
        assertThat(ReadableExpressions.readable("(((a > 0) OR (b > 0)) AND (c > 0))", TEXT))
                .isEqualTo("(a > 0 or b > 0) and c > 0");
    }

    /** The readable text stored again gives back the catalog's text exactly. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "POSTGRESQL")
    void theReadableFormStoresAsTheOriginal(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            String columns = "(status varchar(20) DEFAULT 'new', email varchar(200), format smallint,"
                    + " royalties numeric(10,2) DEFAULT 0, born date DEFAULT '2000-01-01', ";
            s.execute("CREATE TABLE original " + columns
                    + " CHECK (status in ('DRAFT','LIVE')), CHECK (format between 0 and 2),"
                    + " CHECK (royalties >= 0), CHECK (lower(email) <> ''), CHECK (born > '1900-01-01'),"
                    + " CHECK (status is not null or email is null))");
            List<String> original = texts(s, "original");
            StringBuilder copy = new StringBuilder("CREATE TABLE copy (status varchar(20) DEFAULT "
                    + ReadableExpressions.readable(original.get(0), TEXT) + ", email varchar(200), format smallint,"
                    + " royalties numeric(10,2) DEFAULT " + ReadableExpressions.readable(original.get(1), TEXT)
                    + ", born date DEFAULT " + ReadableExpressions.readable(original.get(2), TEXT));
            for (String check : original.subList(3, original.size())) {
                copy.append(", CHECK (")
                        .append(ReadableExpressions.readable(check, TEXT))
                        .append(')');
            }
            s.execute(copy.append(')').toString());
            assertThat(texts(s, "copy")).isEqualTo(original);
            assertThat(original.get(0)).isEqualTo("'new'::character varying");
        }
    }

    /** The defaults in column order, then the check conditions in name order. */
    private static List<String> texts(Statement s, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
                + " WHERE d.adrelid = '" + table + "'::regclass ORDER BY d.adnum")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint"
                + " WHERE conrelid = '" + table + "'::regclass AND contype = 'c' ORDER BY conname")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

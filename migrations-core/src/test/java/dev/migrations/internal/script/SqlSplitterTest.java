package dev.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<String> sql(String text) {
        return SqlSplitter.split(text, 1).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndTracksLines() {
        List<SqlStatement> statements =
                SqlSplitter.split("CREATE TABLE a (id INT);\n\nINSERT INTO a VALUES (1);\n", 10);
        assertThat(statements)
                .containsExactly(
                        new SqlStatement("CREATE TABLE a (id INT)", 10),
                        new SqlStatement("INSERT INTO a VALUES (1)", 12));
    }

    @Test
    void ignoresSemicolonsInStringsCommentsAndIdentifiers() {
        assertThat(sql("INSERT INTO t VALUES ('a;b', 'it''s;');\n-- a comment; still comment\nSELECT \"x;y\" FROM t;"
                        + "/* block; /* nested; */ still */ SELECT 2;"))
                .containsExactly(
                        "INSERT INTO t VALUES ('a;b', 'it''s;')",
                        "-- a comment; still comment\nSELECT \"x;y\" FROM t",
                        "/* block; /* nested; */ still */ SELECT 2");
    }

    @Test
    void handlesEscapeStringsAndDollarQuotes() {
        assertThat(sql("SELECT E'it\\'s; fine';\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$"
                        + " LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM 1; END $$;"))
                .containsExactly(
                        "SELECT E'it\\'s; fine'",
                        "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
                        "DO $$ BEGIN PERFORM 1; END $$");
    }

    @Test
    void keepsSqliteTriggerBodiesWhole() {
        assertThat(sql("CREATE TRIGGER trg AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END;\n"
                        + "SELECT 1;"))
                .containsExactly(
                        "CREATE TRIGGER trg AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END",
                        "SELECT 1");
    }

    @Test
    void dropsCommentOnlyPiecesAndHandlesMissingFinalSemicolon() {
        assertThat(sql("-- only a comment\n")).isEmpty();
        assertThat(sql("SELECT 1;\n-- trailing\n")).containsExactly("SELECT 1");
        assertThat(sql("SELECT 1")).containsExactly("SELECT 1");
    }
}

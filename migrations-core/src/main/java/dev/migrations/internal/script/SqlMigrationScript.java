package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import java.util.List;
import java.util.function.Supplier;

/**
 * A revision written as a {@code .sql} file: a {@code -- key: value} header, then an
 * {@code -- +upgrade} and a {@code -- +downgrade} section. The sections are split into statements
 * only when they run, so a boot with nothing pending never parses applied scripts. A script known
 * from the build-time index ({@link RevisionIndex}) holds no text at all: its file is read when it
 * runs, checked against the indexed checksum, and dropped again.
 */
public final class SqlMigrationScript extends MigrationScript {

    private final String upgradeSql;
    private final int upgradeLine;
    private final String downgradeSql; // null when the file has no downgrade section
    private final int downgradeLine;
    private final String body;
    private final Supplier<String> reader; // set for an indexed script, whose text is read only when it runs
    private String checksum;

    SqlMigrationScript(
            Header header,
            String source,
            String body,
            String upgradeSql,
            int upgradeLine,
            String downgradeSql,
            int downgradeLine) {
        super(header, source);
        this.body = body;
        this.upgradeSql = upgradeSql;
        this.upgradeLine = upgradeLine;
        this.downgradeSql = downgradeSql;
        this.downgradeLine = downgradeLine;
        this.reader = null;
    }

    /** A script known from the index: the header and checksum the build recorded, the text read on demand. */
    SqlMigrationScript(Header header, String source, String checksum, Supplier<String> reader) {
        super(header, source);
        this.body = null;
        this.upgradeSql = null;
        this.upgradeLine = 0;
        this.downgradeSql = null;
        this.downgradeLine = 0;
        this.checksum = checksum;
        this.reader = reader;
    }

    /**
     * The parsed file of an indexed script, read now and kept by no one. A file that no longer matches
     * what the build indexed is refused: running it would record a checksum the index never saw.
     */
    private SqlMigrationScript read() {
        SqlMigrationScript parsed = SqlScriptParser.parse(source(), reader.get());
        if (!parsed.checksum().equals(checksum)) {
            throw new MigrationsException(
                    "Revision " + id() + " (" + source() + ") changed after the build indexed it ("
                            + RevisionIndex.FILE_NAME + " has checksum " + checksum + ", the file now has "
                            + parsed.checksum() + "). Rebuild the application so the index is written again.",
                    id(),
                    null);
        }
        return parsed;
    }

    /** Checksum of everything below the header: editing the message is not drift, editing SQL is. */
    @Override
    public synchronized String checksum() {
        if (checksum == null) {
            checksum = Checksums.of(body);
        }
        return checksum;
    }

    public List<SqlStatement> upgradeStatements() {
        if (reader != null) {
            return read().upgradeStatements();
        }
        return split(upgradeSql, upgradeLine);
    }

    public List<SqlStatement> downgradeStatements() {
        if (reader != null) {
            return read().downgradeStatements();
        }
        if (downgradeSql == null) {
            throw new MigrationsException(
                    "Revision " + id() + " (" + source() + ") has no '-- +downgrade'"
                            + " section, so it cannot be downgraded. Add the section (it may be empty for a"
                            + " revision with nothing to undo).",
                    id(),
                    null);
        }
        return split(downgradeSql, downgradeLine);
    }

    private List<SqlStatement> split(String sql, int firstLine) {
        try {
            return SqlSplitter.split(sql, firstLine);
        } catch (SqlSplitter.UnterminatedException e) {
            throw new MigrationsException(
                    "Malformed migration " + source() + ":" + e.line() + ": " + e.getMessage() + ".", id(), null);
        }
    }

    @Override
    public void check(boolean upgrade) {
        if (upgrade) {
            upgradeStatements();
        } else {
            downgradeStatements();
        }
    }

    @Override
    public void upgrade(Ops ops) {
        run(ops, upgradeStatements());
    }

    @Override
    public void downgrade(Ops ops) {
        run(ops, downgradeStatements());
    }

    private void run(Ops ops, List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            try {
                ops.execute(statement.sql());
            } catch (StatementFailedException e) {
                throw e.at(source() + ":" + statement.line());
            }
        }
    }
}

package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import java.util.List;

/**
 * A revision written as a {@code .sql} file: a {@code -- key: value} header, then an
 * {@code -- +upgrade} and a {@code -- +downgrade} section. The sections are split into statements
 * only when they run, so a boot with nothing pending never parses applied scripts.
 */
public final class SqlMigrationScript extends MigrationScript {

    private final String upgradeSql;
    private final int upgradeLine;
    private final String downgradeSql; // null when the file has no downgrade section
    private final int downgradeLine;
    private final String body;
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
        return split(upgradeSql, upgradeLine);
    }

    public List<SqlStatement> downgradeStatements() {
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

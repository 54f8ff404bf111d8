package dev.migrations.platform.h2;

import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Operation;
import dev.migrations.platform.RevisionSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Dropping an index a foreign key has taken over drops and re-adds that key around it. */
final class H2RevisionSession implements RevisionSession {

    private final Connection connection;

    H2RevisionSession(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<Operation> expand(Operation operation) throws SQLException {
        if (operation instanceof DropIndex drop && !drop.ifExists()) {
            return H2BorrowedIndexes.dropping(connection, drop);
        }
        return List.of(operation);
    }
}

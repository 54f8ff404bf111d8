package dev.migrations.platform;

import dev.migrations.ops.Operation;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A scratch schema in a private in-memory database of the same engine (SQLite, H2): created for one
 * comparison and gone when its connection closes.
 */
public final class InMemoryScratch implements ScratchSchema {

    private final DatabasePlatform platform;
    private final Supplier<String> url;

    /** @param url a new in-memory database's JDBC URL, each time it is asked */
    public InMemoryScratch(DatabasePlatform platform, Supplier<String> url) {
        this.platform = platform;
        this.url = url;
    }

    @Override
    public SchemaSnapshot build(Connection live, List<Operation> create, OperationRunner runner) throws SQLException {
        try (Connection scratch = DriverManager.getConnection(url.get())) {
            runner.run(scratch, platform, create);
            return platform.inspector().inspect(scratch, null, Set.of());
        }
    }
}

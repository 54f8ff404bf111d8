package dev.migrations.benchmarks.peers;

import dev.migrations.Migrations;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * One engine doing one operation on one database, in-process. Each tool gets the database URL and
 * builds its own connection, as it would when an application boots.
 */
enum Tool {
    MIGRATIONS("migrations") {
        @Override
        Object run(Operation op, String url, Path dir) {
            Migrations engine = Migrations.configure()
                    .dataSource(Databases.dataSource(url))
                    .locations("filesystem:" + dir.resolve("ours"))
                    .load();
            switch (op) {
                case MIGRATE -> engine.upgrade("heads");
                case VALIDATE -> {
                    if (!engine.validate().upToDate()) {
                        throw new IllegalStateException("migrations: validate found the database not up to date");
                    }
                }
            }
            return engine;
        }
    },

    /**
     * The same revisions packaged as an application packages them: in a jar on the class path, with
     * the build-time index the processor writes, so the boot reads the index instead of the files.
     */
    MIGRATIONS_INDEXED("migrations, index") {
        @Override
        Object run(Operation op, String url, Path dir) throws Exception {
            ClassLoader jar = new URLClassLoader(
                    new URL[] {Workload.indexedJar(dir).toUri().toURL()}, Tool.class.getClassLoader());
            Migrations engine = Migrations.configure()
                    .dataSource(Databases.dataSource(url))
                    .classLoader(jar)
                    .locations("classpath:" + Workload.INDEXED_LOCATION)
                    .load();
            switch (op) {
                case MIGRATE -> engine.upgrade("heads");
                case VALIDATE -> {
                    if (!engine.validate().upToDate()) {
                        throw new IllegalStateException("migrations: validate found the database not up to date");
                    }
                }
            }
            return engine;
        }
    },

    FLYWAY("Flyway") {
        @Override
        Object run(Operation op, String url, Path dir) {
            Flyway flyway = Flyway.configure()
                    .dataSource(Databases.dataSource(url))
                    .locations("filesystem:" + dir.resolve("flyway"))
                    .load();
            switch (op) {
                case MIGRATE -> flyway.migrate();
                case VALIDATE -> flyway.validate();
            }
            return flyway;
        }
    },

    LIQUIBASE("Liquibase") {
        @Override
        Object run(Operation op, String url, Path dir) throws Exception {
            try (Connection c = Databases.dataSource(url).getConnection();
                    DirectoryResourceAccessor resources = new DirectoryResourceAccessor(dir.resolve("liquibase"))) {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                Scope.child(
                        Map.of(Scope.Attr.resourceAccessor.name(), resources),
                        () -> new CommandScope(op == Operation.MIGRATE ? "update" : "validate")
                                .addArgumentValue("changelogFile", "changelog.yaml")
                                .addArgumentValue("database", database)
                                .execute());
            }
            return null;
        }
    },

    /**
     * The floor: the same statements over plain JDBC, one transaction per migration with a one-row
     * history insert, and for a boot with nothing to do, one read of that history.
     */
    JDBC("raw JDBC") {
        @Override
        Object run(Operation op, String url, Path dir) throws SQLException {
            int n = Integer.getInteger("bench.n");
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS floor_history (n INTEGER PRIMARY KEY)");
                int applied;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(n), 0) FROM floor_history")) {
                    rs.next();
                    applied = rs.getInt(1);
                }
                if (op == Operation.VALIDATE || applied >= n) {
                    return applied;
                }
                c.setAutoCommit(false);
                for (int i = applied + 1; i <= n; i++) {
                    List<String> statements = Workload.statements(i);
                    for (String sql : statements) {
                        s.execute(sql);
                    }
                    s.execute("INSERT INTO floor_history (n) VALUES (" + i + ")");
                    c.commit();
                }
                return n;
            }
        }
    };

    enum Operation {
        MIGRATE,
        VALIDATE
    }

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Runs {@code op}; returns the engine object, so the caller can measure what it keeps. */
    abstract Object run(Operation op, String url, Path dir) throws Exception;
}

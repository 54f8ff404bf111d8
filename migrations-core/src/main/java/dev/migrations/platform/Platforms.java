package dev.migrations.platform;

import dev.migrations.platform.generic.GenericPlatform;
import dev.migrations.platform.h2.H2Platform;
import dev.migrations.platform.postgresql.PostgresPlatform;
import dev.migrations.platform.sqlite.SqlitePlatform;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The databases the engine knows, one platform each; a database none of them serves gets the
 * generic platform, which writes standard SQL and says what it cannot do. Adding a database is a
 * package under {@code dev.migrations.platform} and one line here.
 */
public final class Platforms {

    private static final List<DatabasePlatform> KNOWN = List.of(
            new PostgresPlatform(),
            new SqlitePlatform(),
            new H2Platform());

    private static final DatabasePlatform GENERIC = new GenericPlatform();

    private Platforms() {
    }

    /** The platform of the database behind {@code connection}, from its metadata. */
    public static DatabasePlatform detect(Connection connection) throws SQLException {
        return forProduct(connection.getMetaData().getDatabaseProductName());
    }

    /** The platform serving a database product name as JDBC reports it ({@code PostgreSQL}, {@code H2}...). */
    public static DatabasePlatform forProduct(String productName) {
        return KNOWN.stream().filter(p -> p.serves(productName)).findFirst().orElse(GENERIC);
    }

    /** By id ({@code postgresql}, {@code sqlite}, {@code h2}), for offline SQL without a connection. */
    public static DatabasePlatform named(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(p -> p.id().equals(wanted) || p.serves(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown database '" + id + "'; known: "
                        + KNOWN.stream().map(DatabasePlatform::id).collect(Collectors.joining(", "))));
    }

    /** The platforms that can do everything the engine offers, for messages. */
    static String fullySupported() {
        return KNOWN.stream().filter(p -> p.limitations().isEmpty() || p.has(Capability.AUTOGENERATE))
                .map(DatabasePlatform::displayName).collect(Collectors.joining(", "));
    }
}

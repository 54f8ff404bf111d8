package dev.migrations.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The databases the engine knows, one platform each, registered in {@code
 * META-INF/services/dev.migrations.platform.DatabasePlatform}; a database none of them serves gets
 * the generic platform, which writes standard SQL and says what it cannot do. Adding a database is a
 * package under {@code dev.migrations.platform} and one line in that file.
 */
public final class Platforms {

    private static final List<DatabasePlatform> KNOWN =
            ServiceLoader.load(DatabasePlatform.class, Platforms.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private static final DatabasePlatform GENERIC = new GenericPlatform();

    private Platforms() {}

    /** The platform of the database behind {@code connection}, from its metadata. */
    public static DatabasePlatform detect(Connection connection) throws SQLException {
        return find(connection).orElse(GENERIC);
    }

    /** The platform of the database behind {@code connection}, when one knows it (not the generic one). */
    public static Optional<DatabasePlatform> find(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        return KNOWN.stream().filter(p -> p.serves(product, version)).findFirst();
    }

    /** By id ({@code postgresql}, {@code sqlite}, {@code h2}), for offline SQL without a connection. */
    public static DatabasePlatform named(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream()
                .filter(p -> p.id().equals(wanted) || p.serves(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown database '" + id + "'; known: "
                        + KNOWN.stream().map(DatabasePlatform::id).collect(Collectors.joining(", "))));
    }

    /** Every registered platform (the generic one left out). */
    public static List<DatabasePlatform> all() {
        return KNOWN;
    }

    /** The platforms that can do everything the engine offers, for messages. */
    static String fullySupported() {
        return KNOWN.stream()
                .filter(p -> p.limitations().isEmpty() || p.has(Capability.AUTOGENERATE))
                .map(DatabasePlatform::displayName)
                .collect(Collectors.joining(", "));
    }
}

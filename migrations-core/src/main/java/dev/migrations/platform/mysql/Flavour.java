package dev.migrations.platform.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which of the two servers a connection talks to, where their catalogs or syntax differ. */
enum Flavour {
    MYSQL,
    MARIADB;

    /** From the server's version string: MariaDB's says so ({@code 10.11.6-MariaDB}), MySQL's does not. */
    static Flavour of(Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        String product = connection.getMetaData().getDatabaseProductName();
        return (version + " " + product).toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}

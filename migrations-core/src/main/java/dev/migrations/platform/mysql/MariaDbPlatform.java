package dev.migrations.platform.mysql;

import java.util.Locale;

/**
 * MariaDB 10.6+, through MariaDB Connector/J or MySQL Connector/J: the MySQL platform, with MariaDB's native UUID type
 * (10.7+; on 10.6 map UUIDs to {@code char(36)} with a raw type). Its id is {@code mariadb}; {@code
 * executeOn("mysql")} statements run here too.
 */
public final class MariaDbPlatform extends MysqlPlatform {

    public MariaDbPlatform() {
        super(true);
    }

    @Override
    public String id() {
        return MARIADB;
    }

    @Override
    public String displayName() {
        return "MariaDB";
    }

    /** MariaDB has sequences (10.3+), which Hibernate uses for its generated ids there. */
    @Override
    public java.util.Set<dev.migrations.platform.Capability> capabilities() {
        java.util.Set<dev.migrations.platform.Capability> all = java.util.EnumSet.copyOf(super.capabilities());
        all.add(dev.migrations.platform.Capability.SEQUENCES);
        return all;
    }

    @Override
    public boolean serves(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains(MARIADB);
    }

    /**
     * MySQL Connector/J calls a MariaDB server "MySQL"; only the server's version ({@code
     * 5.5.5-10.11.6-MariaDB}) tells them apart.
     */
    @Override
    public boolean serves(String productName, String productVersion) {
        return serves(productName)
                || (productVersion != null
                        && productVersion.toLowerCase(Locale.ROOT).contains(MARIADB));
    }
}

package dev.migrations.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * A database no platform serves: standard SQL, no lock across processes, no autogenerate. Revisions
 * run (each DDL statement is assumed to commit), and anything it cannot do says so, naming the
 * databases that can.
 */
public final class GenericPlatform extends DatabasePlatform {

    private final SqlDialect sql = new SqlDialect('"', Set.of());
    private final StandardDdl ddl = new StandardDdl(sql);

    @Override
    public String id() {
        return "generic";
    }

    @Override
    public String displayName() {
        return "a database without a platform of its own";
    }

    @Override
    public boolean serves(String productName) {
        return false;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEQUENCES);
    }

    @Override
    public SqlDialect sql() {
        return sql;
    }

    @Override
    public DdlRenderer ddl() {
        return ddl;
    }
}

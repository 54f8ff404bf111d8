package dev.migrations.schema;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey {
        columns = Constraint.requireColumns(columns, "primary key");
    }

    @Override
    public Type type() {
        return Type.PRIMARY_KEY;
    }

    @Override
    public PrimaryKey named(String newName) {
        return new PrimaryKey(newName, columns);
    }

    @Override
    public PrimaryKey renameColumn(String from, String to) {
        return new PrimaryKey(name, Constraint.rename(columns, from, to));
    }
}

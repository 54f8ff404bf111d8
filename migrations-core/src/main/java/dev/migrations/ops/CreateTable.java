package dev.migrations.ops;

import dev.migrations.schema.Table;
import java.util.Optional;

public record CreateTable(Table definition, boolean ifNotExists) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createTable(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(definition.schema(), definition.name(), definition, false));
    }

    @Override
    public String describe() {
        return "create table " + definition.name();
    }

    @Override
    public String table() {
        return definition.name();
    }
}

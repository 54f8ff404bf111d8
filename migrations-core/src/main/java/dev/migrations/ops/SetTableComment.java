package dev.migrations.ops;

import java.util.Optional;

/**
 * Sets ({@code comment} non-null) or removes a table's comment. {@code existing} is null when the
 * previous comment is unknown, {@code Optional.empty()} when there was none.
 */
public record SetTableComment(String schema, String table, String comment, Optional<String> existing)
        implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.setTableComment(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return existing == null
                ? Optional.empty()
                : Optional.of(new SetTableComment(schema, table, existing.orElse(null), Optional.ofNullable(comment)));
    }

    @Override
    public String describe() {
        return (comment == null ? "drop comment of table " : "comment on table ") + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: give the previous comment";
    }
}

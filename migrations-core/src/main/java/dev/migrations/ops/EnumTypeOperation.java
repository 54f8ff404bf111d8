package dev.migrations.ops;

/**
 * A change to a named enum type (PostgreSQL's {@code CREATE TYPE ... AS ENUM}). One visitor method
 * serves them all: only a database with such types renders them, every other one refuses the whole
 * family with the same advice.
 */
public sealed interface EnumTypeOperation extends Operation
        permits CreateEnumType, DropEnumType, AddEnumValue, DropEnumValue, RenameEnumType {

    /** The schema, or null for the migration's own. */
    String schema();

    /** The enum type's name (before the change, for a rename). */
    String name();

    @Override
    default <R> R accept(OperationVisitor<R> visitor) {
        return visitor.enumType(this);
    }

    @Override
    default String table() {
        return null;
    }

    /** The error where a database has no named enum types: the step, and what to write instead. */
    default UnsupportedOperationException unsupportedOn(String database) {
        return new UnsupportedOperationException(database + " has no named enum types (" + describe() + "). Map the"
                + " field as a plain @Enumerated(EnumType.STRING) column for this database (without"
                + " @JdbcTypeCode(SqlTypes.NAMED_ENUM) or a columnDefinition naming a type), or run the step only on"
                + " PostgreSQL: ops.executeOn(\"postgresql\", \"...\").");
    }
}

package dev.migrations.ops;

import java.util.Optional;

/**
 * One schema or data change, as data: what a Java migration asks for, what autogenerate emits, and
 * what each dialect renders to DDL. Operations that can be undone know their reverse.
 */
public sealed interface Operation
        permits CreateTable,
                DropTable,
                RenameTable,
                AddColumn,
                DropColumn,
                AlterColumn,
                CreateIndex,
                DropIndex,
                AddConstraint,
                DropConstraint,
                ValidateConstraint,
                CreateSequence,
                AlterSequence,
                DropSequence,
                SetTableComment,
                EnumTypeOperation,
                Execute,
                BulkInsert {

    /** Calls the visitor's method for this kind of operation. */
    <R> R accept(OperationVisitor<R> visitor);

    /** The operation that undoes this one, when it can be derived from what this one knows. */
    Optional<Operation> reverse();

    /** A short description for logs and error messages, such as {@code add column email to users}. */
    String describe();

    /** The table this operation changes, or null for sequences, enum types and raw SQL. */
    String table();

    /** Why {@link #reverse()} is empty, for the error a derived downgrade reports. */
    default String irreversibleReason() {
        return describe() + " cannot be reversed automatically";
    }
}

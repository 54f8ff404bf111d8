package dev.migrations.ops;

/**
 * One method per operation, so that everything which handles operations (the DDL renderers, the
 * Java renderer, table definitions, the lint) handles all of them: a new operation does not compile
 * until every visitor knows it.
 *
 * @param <R> what each visit returns
 */
public interface OperationVisitor<R> {

    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R renameTable(RenameTable op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R alterColumn(AlterColumn op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R addConstraint(AddConstraint op);

    R dropConstraint(DropConstraint op);

    R validateConstraint(ValidateConstraint op);

    R createSequence(CreateSequence op);

    R alterSequence(AlterSequence op);

    R dropSequence(DropSequence op);

    R setTableComment(SetTableComment op);

    /** Every change to a named enum type: {@link EnumTypeOperation} lists them. */
    R enumType(EnumTypeOperation op);

    R execute(Execute op);

    R bulkInsert(BulkInsert op);
}

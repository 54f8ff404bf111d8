package dev.migrations.autogenerate.hibernate;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;

/**
 * The schema the entities ask for, read from Hibernate's mapping model exactly as the application
 * bootstrapped it (naming strategies, converters, the dialect's types). Read-only: it never renders
 * Hibernate's own DDL, which would add unique keys to the model as a side effect. Names Hibernate
 * made up (the {@code FK…} and {@code UK…} hashes, the unnamed primary key) are left out, so the
 * comparison matches those constraints by structure.
 */
public final class HibernateSchema {

    private static final Pattern IMPLICIT_FK = Pattern.compile("FK[a-z0-9]{20,}");

    private HibernateSchema() {}

    public static SchemaSnapshot from(Metadata metadata) {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Map<String, List<Map<String, Object>>> seeds = new LinkedHashMap<>();
        Map<String, EnumType> enumTypes = new LinkedHashMap<>();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    Table definition = table(metadata, table, enumTypes);
                    tables.add(definition);
                    List<Map<String, Object>> rows = SeedRows.of(definition, table.getInitCommands(context));
                    if (!rows.isEmpty()) {
                        seeds.put(definition.name(), rows);
                    }
                }
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                var sequenceName = sequence.getName().getSequenceName();
                sequences.add(Sequence.named(name(sequenceName.getText(), sequenceName.isQuoted()))
                        .start(sequence.getInitialValue())
                        .increment(sequence.getIncrementSize()));
            }
        }
        return new SchemaSnapshot(tables, sequences, seeds, List.copyOf(enumTypes.values()));
    }

    /**
     * An unquoted identifier as the database keeps it: PostgreSQL folds it to lower case, H2 to upper
     * case (which its inspector reads back in lower case), and SQLite compares it case-blind.
     */
    private static String name(String name, boolean quoted) {
        return quoted ? name : name.toLowerCase(Locale.ROOT);
    }

    private static String name(org.hibernate.mapping.Column column) {
        return name(column.getName(), column.isQuoted());
    }

    private static String name(org.hibernate.mapping.Table table) {
        return name(table.getName(), table.isQuoted());
    }

    private static String nameOrNull(String name) {
        return name == null ? null : name(name, false);
    }

    private static Table table(Metadata metadata, org.hibernate.mapping.Table table, Map<String, EnumType> enumTypes) {
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        for (org.hibernate.mapping.Column c : table.getColumns()) {
            ColumnDefinitions sql = ColumnDefinitions.parse(c.getSqlType(metadata), name(table) + "." + name(c));
            Optional<EnumType> enumType = NamedEnumTypes.of(c, sql.type());
            enumType.ifPresent(e -> enumTypes.putIfAbsent(e.name(), e));
            ColumnType dialectType = TypeNames.parse(sql.type());
            ColumnType type = enumType.map(e -> ColumnType.raw(e.name()))
                    .orElseGet(() -> HibernateTypes.portable(dialectType, c, metadata));
            Column column = new Column(
                    name(c),
                    type,
                    sql.nullable() != null ? sql.nullable() : c.isNullable(),
                    sql.serverDefault() != null ? sql.serverDefault() : c.getDefaultValue(),
                    c.isIdentity(),
                    false,
                    false,
                    null,
                    c.getComment());
            columns.add(column);
            if (c.isUnique()) {
                constraints.add(new UniqueConstraint(null, List.of(name(c)), false, false));
            }
            CheckConstraint enumCheck =
                    type.equals(dialectType) ? null : HibernateTypes.enumCheck(c, name(c), dialectType);
            if (enumCheck != null) {
                constraints.add(enumCheck); // H2's enum type written as Hibernate writes it elsewhere
            }
            for (org.hibernate.mapping.CheckConstraint check : c.getCheckConstraints()) {
                constraints.add(new CheckConstraint(nameOrNull(check.getName()), check.getConstraint()));
            }
        }
        if (table.getPrimaryKey() != null) {
            constraints.add(new PrimaryKey(null, names(table.getPrimaryKey().getColumns())));
        }
        for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
            UniqueConstraint unique = new UniqueConstraint(
                    key.isNameExplicit() ? nameOrNull(key.getName()) : null, names(key.getColumns()), false, false);
            if (constraints.stream()
                    .noneMatch(
                            c -> c instanceof UniqueConstraint u && u.columns().equals(unique.columns()))) {
                constraints.add(unique);
            }
        }
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            constraints.add(new CheckConstraint(nameOrNull(check.getName()), check.getConstraint()));
        }
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            org.hibernate.mapping.Table target = key.getReferencedTable();
            List<String> referenced =
                    key.isReferenceToPrimaryKey() || key.getReferencedColumns().isEmpty()
                            ? names(target.getPrimaryKey().getColumns())
                            : names(key.getReferencedColumns());
            String name =
                    key.getName() == null || IMPLICIT_FK.matcher(key.getName()).matches()
                            ? null
                            : nameOrNull(key.getName());
            constraints.add(new ForeignKey(
                    name,
                    names(key.getColumns()),
                    null,
                    name(target),
                    referenced,
                    action(key.getOnDeleteAction()),
                    null,
                    false,
                    false));
        }
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            indexes.add(new Index(
                    nameOrNull(index.getName()), null, name(table), names(index.getColumns()), index.isUnique(), null));
        }
        return new Table(null, name(table), columns, constraints, indexes, table.getComment());
    }

    private static List<String> names(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(HibernateSchema::name).toList();
    }

    private static ReferentialAction action(OnDeleteAction action) {
        if (action == null) {
            return null;
        }
        return switch (action) {
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
            default -> null;
        };
    }
}

package dev.migrations.autogenerate;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.rawType;
import static dev.migrations.schema.Dsl.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaComparator.UnmanagedTables;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.ops.OperationCode;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How named enum types compare, without a database: positions, renames, drops and what is left alone. */
class EnumTypeComparisonTest {

    private static SchemaSnapshot schema(List<EnumType> types, Table... tables) {
        return new SchemaSnapshot(List.of(tables), List.of(), Map.of(), types);
    }

    private static Table orders(String type) {
        return table("orders", column("id", BIGINT).notNull(), column("status", rawType(type)));
    }

    private static List<String> upgrade(SchemaDiff diff) {
        return diff.changes().stream()
                .map(c -> c.upgrade().accept(OperationCode.INSTANCE))
                .toList();
    }

    private static SchemaDiff compare(SchemaSnapshot live, SchemaSnapshot wanted) {
        return new SchemaComparator(UnmanagedTables.REPORT).compare(live, wanted, wanted);
    }

    @Test
    void newValuesGoBeforeTheNextValueTheTypeHasOrAtTheEnd() {
        SchemaDiff diff = compare(
                schema(List.of(EnumType.named("status", List.of("B", "D"))), orders("status")),
                schema(List.of(EnumType.named("status", List.of("A", "B", "C", "D", "E"))), orders("status")));
        assertThat(upgrade(diff))
                .containsExactly(
                        "ops.addEnumValueBefore(\"status\", \"A\", \"B\");",
                        "ops.addEnumValueBefore(\"status\", \"C\", \"D\");",
                        "ops.addEnumValue(\"status\", \"E\");");
        assertThat(diff.changes())
                .extracting(c -> c.downgrade().accept(OperationCode.INSTANCE))
                .containsExactly(
                        "ops.dropEnumValue(\"status\", \"A\");",
                        "ops.dropEnumValue(\"status\", \"C\");",
                        "ops.dropEnumValue(\"status\", \"E\");");
    }

    @Test
    void anUnusedTypeHoldingTheValuesIsRenamedAndItsColumnsNeedNoChange() {
        SchemaDiff diff = compare(
                schema(List.of(EnumType.named("payment_kind", List.of("CARD"))), orders("payment_kind")),
                schema(
                        List.of(EnumType.named("payment_method", List.of("CARD", "INVOICE"))),
                        orders("payment_method")));
        assertThat(upgrade(diff))
                .containsExactly(
                        "ops.renameEnumType(\"payment_kind\", \"payment_method\");",
                        "ops.addEnumValue(\"payment_method\", \"INVOICE\");");
    }

    @Test
    void aValueTheEntitiesDroppedIsDroppedWithAWarningAndAReverseThatPutsItBack() {
        SchemaDiff diff = compare(
                schema(List.of(EnumType.named("status", List.of("A", "B", "C"))), orders("status")),
                schema(List.of(EnumType.named("status", List.of("A", "C"))), orders("status")));
        SchemaChange change = diff.changes().get(0);
        assertThat(change.upgrade().accept(OperationCode.INSTANCE)).isEqualTo("ops.dropEnumValue(\"status\", \"B\");");
        assertThat(change.downgrade().accept(OperationCode.INSTANCE))
                .isEqualTo("ops.addEnumValueBefore(\"status\", \"B\", \"C\");");
        assertThat(change.warning()).contains("fails while a row holds 'B'");
    }

    @Test
    void reorderedValuesAreANoteNotAStep() {
        SchemaDiff diff = compare(
                schema(List.of(EnumType.named("status", List.of("A", "B"))), orders("status")),
                schema(List.of(EnumType.named("status", List.of("B", "A"))), orders("status")));
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.notes()).singleElement().asString().contains("PostgreSQL cannot reorder them");
    }

    @Test
    void aTypeIsDroppedAfterItsLastColumnChangesUnlessATableNoEntityMapsStillUsesIt() {
        EnumType old = EnumType.named("status", List.of("A"));
        SchemaDiff dropped = compare(
                schema(List.of(old), orders("status")),
                schema(List.of(), table("orders", column("id", BIGINT).notNull(), column("status", rawType("text")))));
        assertThat(upgrade(dropped)).last().isEqualTo("ops.dropEnumType(enumType(\"status\", \"A\"));");

        SchemaDiff kept = compare(
                schema(List.of(old), table("legacy", column("status", rawType("status")))),
                schema(List.of(), table("orders", column("id", BIGINT).notNull())));
        assertThat(upgrade(kept)).noneMatch(s -> s.contains("dropEnumType"));
        assertThat(kept.notes()).anyMatch(n -> n.contains("legacy.status still use it"));
    }
}

package dev.migrations.platform.sqlite;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How autogenerate spells the names of a SQLite schema. SQLite compares identifiers case-blind, so a
 * table Hibernate created unquoted as {@code Animal} is the entities' {@code animal}: such names are
 * read in lower case. A name that was quoted with capitals keeps them, since that is how it was asked
 * for ({@code "OrderLine"}), wherever it is mentioned.
 */
final class Names {

    private final Map<String, String> quoted;

    /** @param quoted the quoted names with capitals, by their lower-case form */
    Names(Map<String, String> quoted) {
        this.quoted = quoted;
    }

    String of(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return quoted.getOrDefault(lower, lower);
    }

    private List<String> of(List<String> names) {
        return names.stream().map(this::of).toList();
    }

    Table of(Table t) {
        List<Column> columns =
                t.columns().stream().map(c -> c.named(of(c.name()))).toList();
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint c : t.constraints()) {
            if (c instanceof PrimaryKey pk) {
                constraints.add(new PrimaryKey(of(pk.name()), of(pk.columns())));
            } else if (c instanceof UniqueConstraint uq) {
                constraints.add(
                        new UniqueConstraint(of(uq.name()), of(uq.columns()), uq.deferrable(), uq.initiallyDeferred()));
            } else if (c instanceof ForeignKey fk) {
                constraints.add(new ForeignKey(
                        of(fk.name()),
                        of(fk.columns()),
                        fk.referencedSchema(),
                        of(fk.referencedTable()),
                        of(fk.referencedColumns()),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.deferrable(),
                        fk.initiallyDeferred()));
            } else if (c instanceof CheckConstraint ck) {
                constraints.add(new CheckConstraint(of(ck.name()), ck.condition()));
            } else {
                constraints.add(c.named(of(c.name())));
            }
        }
        List<Index> indexes = t.indexes().stream()
                .map(i -> new Index(of(i.name()), i.schema(), of(i.table()), of(i.columns()), i.unique(), i.where()))
                .toList();
        return new Table(t.schema(), of(t.name()), columns, constraints, indexes, t.comment());
    }
}

package dev.migrations.autogenerate.compare;

import dev.migrations.schema.Index;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Index prefix lengths ({@code email(191)}), which entities cannot give: a database whose keys are
 * limited in bytes (MySQL, MariaDB) indexes a prefix of a long text column, either because the
 * migration's author chose one or because the scratch build had to. A prefix the live index has
 * is the author's choice, never a difference; one the scratch build chose is written into the
 * generated index with a warning, so the revision does not fail where the key is too long.
 */
final class PrefixedIndexes {

    private PrefixedIndexes() {}

    /** Whether two indexes are the same but for their prefix lengths. */
    static boolean sameIgnoringPrefixes(Index live, Index wanted) {
        return SchemaComparator.signature(withoutPrefixes(live))
                .equals(SchemaComparator.signature(withoutPrefixes(wanted)));
    }

    /** {@code definition} with the prefix lengths its scratch round trip ({@code wanted}) gave its indexes. */
    static Table adopt(Table definition, Table wanted) {
        if (definition == wanted) {
            return definition;
        }
        boolean changed = false;
        List<Index> indexes = new ArrayList<>();
        for (Index defined : definition.indexes()) {
            Optional<Index> roundTrip = wanted.indexes().stream()
                    .filter(w -> w.name().equalsIgnoreCase(defined.name()))
                    .findFirst();
            Index adopted = roundTrip.map(w -> withPrefixesOf(defined, w)).orElse(defined);
            changed |= adopted != defined;
            indexes.add(adopted);
        }
        return changed ? definition.withIndexes(indexes) : definition;
    }

    /** Why a generated index with prefix lengths needs a person's eye; null for one without. */
    static String warning(Index index) {
        List<String> prefixed = index.columns().stream()
                .filter(e -> Index.prefixLength(e) != null)
                .toList();
        if (prefixed.isEmpty()) {
            return null;
        }
        return "index " + index.name() + " on " + index.table() + " is longer than the database allows for a key,"
                + " so it covers the first characters of " + String.join(", ", prefixed)
                + " (the lengths the database took in the scratch build). Choose the prefix lengths yourself, or"
                + " shorter columns; a unique index over a prefix is unique on the prefix only.";
    }

    private static Index withPrefixesOf(Index defined, Index roundTrip) {
        if (defined.columns().size() != roundTrip.columns().size()) {
            return defined;
        }
        List<String> entries = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < defined.columns().size(); i++) {
            String entry = defined.columns().get(i);
            String column = Index.columnOf(entry);
            Integer prefix = Index.prefixLength(roundTrip.columns().get(i));
            if (column != null
                    && prefix != null
                    && Index.prefixLength(entry) == null
                    && column.equalsIgnoreCase(
                            Index.columnOf(roundTrip.columns().get(i)))) {
                entries.add(column + "(" + prefix + ")" + entry.strip().substring(column.length()));
                changed = true;
            } else {
                entries.add(entry);
            }
        }
        return changed
                ? new Index(
                        defined.name(), defined.schema(), defined.table(), entries, defined.unique(), defined.where())
                : defined;
    }

    private static Index withoutPrefixes(Index i) {
        return new Index(
                i.name(),
                i.schema(),
                i.table(),
                i.columns().stream().map(Index::withoutPrefix).toList(),
                i.unique(),
                i.where());
    }
}

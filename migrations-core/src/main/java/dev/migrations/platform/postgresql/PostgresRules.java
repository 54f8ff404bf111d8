package dev.migrations.platform.postgresql;

import static dev.migrations.platform.SafetyRule.Kind.HYGIENE;
import static dev.migrations.platform.SafetyRule.Kind.LOCKING;
import static dev.migrations.platform.Severity.ERROR;
import static dev.migrations.platform.Severity.WARNING;

import dev.migrations.ops.AlterColumn;
import dev.migrations.platform.SafetyContext;
import dev.migrations.platform.SafetyRule;
import dev.migrations.schema.Column;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** PostgreSQL's own lint rules: what locks or rewrites a busy table, and the form that does not. */
final class PostgresRules {

    static final SafetyRule INDEX_NOT_CONCURRENT = new SafetyRule(
            "index-not-concurrent",
            "CREATE INDEX without CONCURRENTLY",
            "blocks every write to the table (SHARE lock) until the index is built",
            "createIndexConcurrently in a non-transactional revision",
            ERROR,
            LOCKING);
    static final SafetyRule DROP_INDEX_NOT_CONCURRENT = new SafetyRule(
            "drop-index-not-concurrent",
            "DROP INDEX without CONCURRENTLY",
            "waits for every query on the table and blocks reads and writes behind it (ACCESS EXCLUSIVE)",
            "dropIndexConcurrently in a non-transactional revision",
            WARNING,
            LOCKING);
    static final SafetyRule CONCURRENT_INDEX_IN_TRANSACTION = new SafetyRule(
            "concurrent-index-in-transaction",
            "a concurrent index build or drop in a transactional revision",
            "PostgreSQL refuses CONCURRENTLY inside a transaction: the revision fails",
            "declare the revision non-transactional",
            ERROR,
            HYGIENE);
    static final SafetyRule COLUMN_TYPE_REWRITE = new SafetyRule(
            "column-type-rewrite",
            "a column type change that rewrites the table",
            "rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE: no reads or writes meanwhile"
                    + " (growing a varchar, growing numeric precision and varchar to text are cheap)",
            "add a column of the new type, backfill it in batches, switch, drop the old one",
            ERROR,
            LOCKING);
    static final SafetyRule SET_NOT_NULL_SCAN = new SafetyRule(
            "set-not-null-scan",
            "SET NOT NULL without a validated check",
            "scans the whole table under ACCESS EXCLUSIVE to prove there is no NULL",
            "a NOT VALID check (column IS NOT NULL), validated separately, then SET NOT NULL",
            ERROR,
            LOCKING);
    static final SafetyRule FOREIGN_KEY_VALIDATES = new SafetyRule(
            "foreign-key-validates",
            "a foreign key added without NOT VALID",
            "checks every row while it blocks writes to both tables (SHARE ROW EXCLUSIVE)",
            "addConstraintNotValid, then validateConstraint in a separate transaction",
            ERROR,
            LOCKING);
    static final SafetyRule CHECK_VALIDATES = new SafetyRule(
            "check-validates",
            "a check constraint added without NOT VALID",
            "checks every row under ACCESS EXCLUSIVE: no reads or writes meanwhile",
            "addConstraintNotValid, then validateConstraint in a separate transaction",
            ERROR,
            LOCKING);
    static final SafetyRule VALIDATE_IN_SAME_TRANSACTION = new SafetyRule(
            "validate-in-same-transaction",
            "VALIDATE CONSTRAINT in the transaction that added it NOT VALID",
            "the add's lock is still held while the validation scans, which undoes the point of NOT VALID",
            "validate in a later revision or a non-transactional one",
            WARNING,
            LOCKING);
    static final SafetyRule UNIQUE_BUILDS_INDEX = new SafetyRule(
            "unique-builds-index",
            "a unique constraint that builds its index",
            "builds the index under ACCESS EXCLUSIVE: no reads or writes meanwhile",
            "a unique index built concurrently, then addConstraintUsingIndex",
            ERROR,
            LOCKING);
    static final SafetyRule PRIMARY_KEY_BUILDS_INDEX = new SafetyRule(
            "primary-key-builds-index",
            "a primary key added to a populated table",
            "builds the index (and proves NOT NULL) under ACCESS EXCLUSIVE: no reads or writes meanwhile",
            "a unique index built concurrently, then addConstraintUsingIndex",
            ERROR,
            LOCKING);
    static final SafetyRule VOLATILE_DEFAULT = new SafetyRule(
            "volatile-default",
            "a new column with a volatile default (random(), clock_timestamp(), an identity...)",
            "computes a value for every row: the table is rewritten under ACCESS EXCLUSIVE"
                    + " (constant and now()-like defaults are free since PostgreSQL 11)",
            "add the column without the default, set the default, backfill in batches",
            ERROR,
            LOCKING);
    static final SafetyRule MISSING_LOCK_TIMEOUT = new SafetyRule(
            "missing-lock-timeout",
            "DDL without a lock_timeout",
            "a statement waiting for its lock behind a long query holds up every query queued behind it",
            "set ddlLockTimeout (the engine then sets lock_timeout for each revision), or SET lock_timeout first",
            WARNING,
            HYGIENE,
            true);

    static final List<SafetyRule> ALL = List.of(
            INDEX_NOT_CONCURRENT,
            DROP_INDEX_NOT_CONCURRENT,
            CONCURRENT_INDEX_IN_TRANSACTION,
            COLUMN_TYPE_REWRITE,
            SET_NOT_NULL_SCAN,
            FOREIGN_KEY_VALIDATES,
            CHECK_VALIDATES,
            VALIDATE_IN_SAME_TRANSACTION,
            UNIQUE_BUILDS_INDEX,
            PRIMARY_KEY_BUILDS_INDEX,
            VOLATILE_DEFAULT,
            MISSING_LOCK_TIMEOUT);

    /** Functions PostgreSQL marks volatile that people put in defaults; now() and friends are stable. */
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc"
                    + "|uuid_generate_v4|uuidv4|uuidv7|nextval|txid_current)\\s*\\(");

    private static final Pattern SERIAL = Pattern.compile("(?i)(small|big)?serial[248]?");

    private PostgresRules() {}

    /** A default every existing row must compute, which rewrites the table. */
    static boolean volatileDefault(Column c) {
        return c.isIdentity()
                || (c.type().raw() != null
                        && SERIAL.matcher(c.type().raw().strip()).matches())
                || (c.serverDefault() != null
                        && VOLATILE.matcher(c.serverDefault()).find());
    }

    /** Whether a type change rewrites the table; empty when the column's current type is unknown. */
    static Optional<Boolean> typeChangeRewrites(AlterColumn op, SafetyContext context) {
        Optional<Column> before = op.existing() != null
                ? Optional.of(op.existing())
                : context.table(op.table()).flatMap(t -> t.column(op.column()));
        if (op.using() != null) {
            return Optional.of(true); // a USING expression computes every value anew
        }
        return before.map(c -> PostgresTypeChanges.rewrites(c.type(), op.type()));
    }

    /** The name PostgreSQL would accept for a constraint: at most 63 bytes. */
    static String constraintName(String... parts) {
        String name = String.join("_", parts).toLowerCase(Locale.ROOT);
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}

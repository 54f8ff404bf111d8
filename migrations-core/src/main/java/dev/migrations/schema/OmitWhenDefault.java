package dev.migrations.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component added to an operation or schema value after Java revisions' checksums
 * were first pinned. The checksum's canonical form leaves it out while it holds its default (null,
 * {@code false}, zero, an empty optional or collection), so a revision written before the
 * component existed keeps the checksum it was applied with. Every component added to these values
 * from now on carries it; the golden checksum tests fail if one does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OmitWhenDefault {}

package dev.migrations.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a table or column had before: on an entity, its table's old name; on a field (or its
 * getter), its column's old name. {@code revision --autogenerate} then writes a rename, which keeps
 * the data, instead of a drop and an add. Once the database no longer has the old name the hint is
 * ignored, so it can stay in the code.
 *
 * <pre>{@code
 * @Entity
 * @RenamedFrom("customers")
 * class Client {
 *     @RenamedFrom("mail")
 *     String email;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {

    /** The old name, as the database has it. */
    String value();
}

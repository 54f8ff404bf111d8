package dev.migrations.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a Java migration, with Alembic's fields. Order comes only from {@link #down()}:
 * empty for a root, two or more ids for a merge.
 *
 * <pre>
 * &#64;Revision(id = "3f2a9c1b7d4e", down = "a1b2c3d4e5f6", message = "add user preferences")
 * public class V20240101_1200_3f2a9c1b7d4e_add_user_preferences implements Migration { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** The revision id: at most 32 characters, none of {@code @ - + :}. */
    String id();

    /** Down revisions: none for a root, several for a merge. */
    String[] down() default {};

    String[] branchLabels() default {};

    /** Revisions or branch labels that must run first without being parents. */
    String[] dependsOn() default {};

    String message() default "";

    /** When the revision was written, ISO-8601; informational. */
    String createDate() default "";

    /** False for statements that cannot run in a transaction, such as CREATE INDEX CONCURRENTLY. */
    boolean transactional() default true;

    /**
     * Lint findings this revision accepts, each as {@code "rule-id: why it is safe here"}; the lint
     * report shows them as ignored, with the reason. Example: {@code lintIgnore = "drop-column: no
     * release since 4.2 reads users.nickname"}.
     */
    String[] lintIgnore() default {};
}

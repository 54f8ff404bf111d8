package dev.migrations.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the built-in migration checks against the test's own Spring context, each as its own test:
 *
 * <pre>
 * &#64;SpringBootTest
 * class MigrationsTests {
 *
 *     &#64;MigrationsTest
 *     void migrations() {
 *     }
 * }
 * </pre>
 *
 * The checks use every {@code Migrations} bean of the context (or those named in
 * {@link #migrations()}) with its own DataSource, so they run wherever the test's DataSource points:
 * a Testcontainers database, H2, a SQLite file or a URL. They move that database between base and the
 * heads, so it must be one only the migrations write to. The method body, if any, runs after each
 * check. Outside Spring, use {@link MigrationChecks} directly.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(MigrationsTestExtension.class)
public @interface MigrationsTest {

    /** The checks to run, in this order; all of them unless narrowed. */
    MigrationCheck[] checks() default {
        MigrationCheck.SINGLE_HEAD,
        MigrationCheck.LINT,
        MigrationCheck.UPGRADE_FROM_BASE,
        MigrationCheck.MODEL_MATCHES_SCHEMA,
        MigrationCheck.STAIRWAY,
        MigrationCheck.DOWNGRADE_LEAVES_NO_TRACE
    };

    /** How many heads the scripts should have, for graphs whose branches are meant to stay apart. */
    int heads() default 1;

    /** The names of the {@code Migrations} beans to check; every one in the context when empty. */
    String[] migrations() default {};
}

package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method its own branch of a template database built from Flyway migrations and
 * seed SQL. Inject the branch as a {@link javax.sql.DataSource}, a {@link java.sql.Connection}
 * (closed after the test), a {@link GraftBranch}, or a {@code String} annotated {@link GraftUrl}.
 *
 * <p>The template is built once per JVM and per content hash of the migrations and seed files,
 * and kept by the engine across runs while that content is unchanged. It is built all or
 * nothing: a failing migration or seed statement fails the test with the file, line and
 * statement, and no test ever sees a half-built database. An annotation on a method replaces
 * the one on its class.
 *
 * <pre>{@code
 * @GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql", pool = 2)
 * class OrdersTest {
 *     @Test
 *     void insertsAnOrder(Connection connection) throws SQLException { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GraftExtension.class)
public @interface GraftDatabase {

    /** Flyway locations ({@code classpath:db/migration}, {@code filesystem:src/main/resources/db/migration}), applied in Flyway's order. */
    String[] migrations() default {};

    /**
     * SQL scripts run after the migrations, in the order given: {@code classpath:seed.sql},
     * {@code filesystem:path} or a plain file path. {@code pg_dump --format=plain} output works.
     */
    String[] seed() default {};

    /**
     * An existing database on the engine to start from, instead of an empty one: the template is a
     * branch of it with the migrations and seeds applied on top. With a cloud engine this is how
     * tests run against a branch of production-sized data. The template is rebuilt when the
     * parent is re-created (reset), since its data may have changed.
     */
    String parent() default "";

    /** Keep the branch of a failed test (its name and JDBC URL are logged at WARN and in the test report) instead of dropping it. */
    boolean keepOnFailure() default false;

    /** How many branches are prepared in the background ahead of the tests; 0 makes each one on demand. */
    int pool() default 2;

    /**
     * Where branches come from, unless the test class has a static {@link GraftEngine} field: a
     * class with a public no-argument constructor, instantiated once per JVM. The default is the
     * embedded engine, with its data in {@code target/graft/postgres} (system property
     * {@code graft.dataDirectory} overrides it).
     */
    Class<? extends Supplier<? extends BranchEngine>> engine() default DefaultEngine.class;
}

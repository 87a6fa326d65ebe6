package dev.graft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the JDBC URL (without credentials) of the
 * test's branch: {@code void test(@GraftUrl String url)}. The user and password are in
 * {@link GraftBranch}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GraftUrl {
}

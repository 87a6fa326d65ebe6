package dev.graft.catalog;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name       constraint name
 * @param expression its condition as written
 */
public record CheckView(String name, String expression) {

    public CheckView {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(expression, "expression == null");
    }
}

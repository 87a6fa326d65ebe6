package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of insert_data: column to value. A YAML string becomes a quoted SQL literal
 * ({@link Expression#literal}), a number or boolean its text as written, {@code null} SQL
 * {@code NULL}, and {@code {value: "<expression>"}} a constant expression.
 *
 * @param location where the row is written
 * @param values   column name to SQL value, in the order written
 */
public record Row(Location location, Map<String, Expression> values) {

    public Row {
        Objects.requireNonNull(location, "location == null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

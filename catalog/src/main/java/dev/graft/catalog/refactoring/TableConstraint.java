package dev.graft.catalog.refactoring;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.PostgresParser;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of create_table's {@code constraints:} list, a constraint over several columns: a map
 * with exactly one of {@code unique}, {@code check}, {@code foreign_key}, {@code exclude}, and an
 * optional {@code name} (PostgreSQL's default name otherwise).
 *
 * <pre>{@code
 * constraints:
 *   - { unique: [customer_id, email], nulls_not_distinct: true, deferrable: true }
 *   - { check: "starts_at < ends_at", name: booking_period_check }
 *   - foreign_key: [order_id, line_no]
 *     references: { table: order_line, columns: [order_id, line_no], on_delete: cascade, match: full }
 *   - exclude: { using: gist, elements: [{ expression: "tstzrange(starts_at, ends_at)", operator: "&&" }] }
 * }</pre>
 */
public sealed interface TableConstraint {

    List<String> KINDS = List.of("unique", "check", "foreign_key", "exclude");

    /** Where the item is written. */
    Location location();

    /** The name given, if any. */
    Optional<String> name();

    /** The name it has on {@code table}: the one given, or PostgreSQL's default. */
    String nameOn(String table);

    /**
     * {@code {unique: [a, b], nulls_not_distinct, deferrable, initially_deferred}}.
     *
     * @param location         where it is written
     * @param columns          the key columns, in order
     * @param name             its name, if given
     * @param nullsNotDistinct whether nulls count as equal
     * @param deferral         when it is checked
     */
    record Unique(Location location, List<String> columns, Optional<String> name, boolean nullsNotDistinct,
            Deferral deferral) implements TableConstraint {
        public Unique {
            columns = List.copyOf(columns);
            Objects.requireNonNull(deferral, "deferral == null");
        }

        @Override
        public String nameOn(String table) {
            return name.orElse(ConstraintNames.of(table, columns, "key"));
        }
    }

    /**
     * {@code {check: expression}}.
     *
     * @param location   where it is written
     * @param expression the condition over the row
     * @param name       its name, if given
     */
    record Check(Location location, Expression expression, Optional<String> name) implements TableConstraint {
        public Check {
            Objects.requireNonNull(expression, "expression == null");
        }

        /** PostgreSQL's choice: {@code <table>_<column>_check} when it names one column, else {@code <table>_check}. */
        @Override
        public String nameOn(String table) {
            List<String> named = PostgresParser.expression(expression.sql()).columns().stream()
                    .map(c -> c.name()).distinct().toList();
            return name.orElse(ConstraintNames.of(table, named.size() == 1 ? named : List.of(), "check"));
        }
    }

    /**
     * {@code {foreign_key: [a, b], references: {table, columns, on_delete, on_update, match, deferrable}}}.
     *
     * @param location   where it is written
     * @param columns    the referencing columns
     * @param references what they refer to, with the constraint's name and options
     */
    record ForeignKey(Location location, List<String> columns, ForeignKeyReference references) implements TableConstraint {
        public ForeignKey {
            columns = List.copyOf(columns);
            Objects.requireNonNull(references, "references == null");
        }

        @Override
        public Optional<String> name() {
            return references.name();
        }

        @Override
        public String nameOn(String table) {
            return references.name().orElse(ConstraintNames.of(table, columns, "fkey"));
        }
    }

    /**
     * {@code {exclude: {using, elements: [{column | expression, operator}], where}, deferrable}}.
     *
     * @param location where it is written
     * @param using    the index method: gist (the default), spgist, btree, hash, ...
     * @param elements what is compared, with which operator
     * @param where    the predicate limiting it to some rows
     * @param name     its name, if given (required when an element is an expression)
     * @param deferral when it is checked
     */
    record Exclude(Location location, String using, List<ExclusionElement> elements, Optional<Expression> where,
            Optional<String> name, Deferral deferral) implements TableConstraint {
        public Exclude {
            Objects.requireNonNull(using, "using == null");
            elements = List.copyOf(elements);
            Objects.requireNonNull(where, "where == null");
            Objects.requireNonNull(deferral, "deferral == null");
        }

        @Override
        public String nameOn(String table) {
            return name.orElse(ConstraintNames.of(table, elements.stream()
                    .map(e -> e.column().orElse("expr")).toList(), "excl"));
        }
    }

    /**
     * One element of an exclusion constraint.
     *
     * @param location   where it is written
     * @param column     the column compared, or
     * @param expression the expression compared
     * @param operator   the operator ({@code =}, {@code &&}, ...)
     */
    record ExclusionElement(Location location, Optional<String> column, Optional<Expression> expression,
            String operator) {
        public ExclusionElement {
            Objects.requireNonNull(column, "column == null");
            Objects.requireNonNull(expression, "expression == null");
            Objects.requireNonNull(operator, "operator == null");
        }

        static ExclusionElement read(Fields in) {
            Optional<String> column = in.optionalName("column");
            Optional<Expression> expression = in.optionalExpression("expression", true);
            if (column.isPresent() == expression.isPresent()) {
                in.problems().report(in.location(), ProblemCode.CONFLICTING_KEYS,
                        "an exclusion element has \"column\" or \"expression\": write one of them");
            }
            return new ExclusionElement(in.location(), column, expression, in.string("operator"));
        }

        YamlOut write() {
            YamlOut out = YamlOut.map().put("column", column).putExpression("expression", expression);
            return out.put("operator", operator);
        }
    }

    /** Reads one item; empty (and reported) unless it has exactly one kind. */
    static Optional<TableConstraint> read(Fields in) {
        List<String> kinds = KINDS.stream().filter(in::has).toList();
        if (kinds.size() != 1) {
            List.of("name", "deferrable", "initially_deferred", "nulls_not_distinct", "references").forEach(in::has);
            in.problems().report(in.location(), ProblemCode.CONSTRAINT_KIND, "a table constraint has exactly one of "
                    + String.join(", ", KINDS) + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds)));
            in.markBroken();
            return Optional.empty();
        }
        Location at = in.location();
        return Optional.of(switch (kinds.get(0)) {
            case "unique" -> new Unique(at, in.names("unique"), in.optionalName("name"),
                    in.flag("nulls_not_distinct", false), Deferral.read(in));
            case "check" -> new Check(at, in.expression("check", false), in.optionalName("name"));
            case "foreign_key" -> {
                List<String> columns = in.names("foreign_key");
                Optional<String> name = in.optionalName("name");
                if (name.isPresent() && in.hasNested("references", "name")) {
                    in.conflict("name", "references.name");
                }
                ForeignKeyReference ref = in.object("references", ForeignKeyReference::read)
                        .orElse(new ForeignKeyReference(at, TableName.of(""), List.of(), ReferentialAction.NO_ACTION,
                                ReferentialAction.NO_ACTION, Optional.empty()));
                yield new ForeignKey(at, columns, name.isPresent() ? ref.named(name) : ref);
            }
            default -> readExclude(in, at);
        });
    }

    private static Exclude readExclude(Fields in, Location at) {
        Optional<ExcludeBody> body = in.object("exclude", e -> new ExcludeBody(
                e.optionalString("using").orElse("gist"), e.list("elements", ExclusionElement::read),
                e.optionalExpression("where", false)));
        return new Exclude(at, body.map(ExcludeBody::using).orElse("gist"),
                body.map(ExcludeBody::elements).orElse(List.of()), body.flatMap(ExcludeBody::where),
                in.optionalName("name"), Deferral.read(in));
    }

    /** The map under {@code exclude:}. */
    record ExcludeBody(String using, List<ExclusionElement> elements, Optional<Expression> where) { }

    /** The item as {@link #read} reads it. */
    static YamlOut write(TableConstraint constraint) {
        if (constraint instanceof Unique u) {
            return u.deferral.write(YamlOut.map().putNames("unique", u.columns).put("name", u.name)
                    .put("nulls_not_distinct", u.nullsNotDistinct));
        }
        if (constraint instanceof Check c) {
            return YamlOut.map().put("check", c.expression).put("name", c.name);
        }
        if (constraint instanceof ForeignKey f) {
            return YamlOut.map().putNames("foreign_key", f.columns).put("references", f.references.write());
        }
        Exclude e = (Exclude) constraint;
        return e.deferral.write(YamlOut.map().put("exclude", YamlOut.map().put("using", e.using)
                .putList("elements", e.elements, ExclusionElement::write).putExpression("where", e.where))
                .put("name", e.name));
    }
}

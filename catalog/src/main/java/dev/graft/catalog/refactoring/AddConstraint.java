package dev.graft.catalog.refactoring;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.PostgresParser;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_constraint: {table, kind, name, columns, check, up, references, match, orphans,
 * using, elements, where, deferrable, initially_deferred, nulls_not_distinct, include,
 * storage_parameters, tablespace}} on an existing table. A check or foreign key is added NOT
 * VALID, existing rows are fixed ({@code up}, {@code orphans}) or counted, then it is validated;
 * a unique key or primary key is built as a concurrent unique index first, then attached
 * ({@code USING INDEX}); an exclusion constraint is added as it is.
 *
 * @param location          where the refactoring is written
 * @param table             the table
 * @param kind              check, unique, primary_key, foreign_key or exclude
 * @param name              the constraint name; PostgreSQL's default if empty
 * @param columns           key columns (unique, primary_key, foreign_key)
 * @param check             the condition of a check
 * @param up                per column, the value that fixes a row violating the check
 * @param references        the referenced table, columns and actions of a foreign key
 * @param matchFull         a foreign key's {@code MATCH FULL} (else {@code MATCH SIMPLE})
 * @param orphans           what a foreign key does with rows that reference nothing
 * @param using             an exclusion constraint's index method
 * @param elements          an exclusion constraint's elements
 * @param where             an exclusion constraint's predicate
 * @param deferrable        {@code DEFERRABLE}
 * @param initiallyDeferred {@code INITIALLY DEFERRED} (implies deferrable)
 * @param nullsNotDistinct  a unique key's {@code NULLS NOT DISTINCT}
 * @param index             index options of a key or exclusion constraint
 */
public record AddConstraint(Location location, TableName table, ConstraintKind kind, Optional<String> name,
        List<String> columns, Optional<Expression> check, Map<String, Expression> up,
        Optional<ForeignKeyReference> references, boolean matchFull, Orphans orphans, String using,
        List<ExclusionElement> elements, Optional<Expression> where, boolean deferrable, boolean initiallyDeferred,
        boolean nullsNotDistinct, IndexParameters index) implements Refactoring {

    static final List<String> KINDS = Arrays.stream(ConstraintKind.values()).map(ConstraintKind::yaml).toList();
    static final List<String> METHODS = List.of("gist", "spgist", "btree", "hash", "gin", "brin");

    public AddConstraint {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(check, "check == null");
        up = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(up));
        Objects.requireNonNull(references, "references == null");
        Objects.requireNonNull(orphans, "orphans == null");
        Objects.requireNonNull(using, "using == null");
        elements = List.copyOf(elements);
        Objects.requireNonNull(where, "where == null");
        Objects.requireNonNull(index, "index == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static AddConstraint read(Fields in) {
        ConstraintKind kind = in.choice("kind", ConstraintKind::parse, KINDS, ConstraintKind.CHECK);
        if (!in.has("kind")) {
            in.string("kind");
        }
        AddConstraint r = new AddConstraint(in.location(), in.table("table"), kind, in.optionalName("name"),
                in.optionalNames("columns"), in.optionalExpression("check", false),
                in.has("up") ? in.expressions("up", true) : Map.of(),
                in.optionalObject("references", ForeignKeyReference::read),
                in.choice("match", m -> Optional.of(m.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(w -> w.equals("full") || w.equals("simple")), List.of("full", "simple"), "simple")
                        .equals("full"),
                in.choice("orphans", Orphans::parse, AddForeignKey.ORPHANS, Orphans.REJECT),
                in.choice("using", u -> Optional.of(u.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(METHODS::contains), METHODS, "gist"),
                in.optionalList("elements", ExclusionElement::read), in.optionalExpression("where", true),
                in.flag("deferrable", false), in.flag("initially_deferred", false),
                in.flag("nulls_not_distinct", false), IndexParameters.read(in));
        ConstraintFields.checkKind(r, in);
        return r;
    }

    static void check(AddConstraint r, Checks c) {
        ConstraintFields.check(r, c);
    }

    /** The constraint's name: as given (here or in {@code references}), else PostgreSQL's default. */
    public String constraintName() {
        return name.or(() -> references.flatMap(ForeignKeyReference::name)).orElseGet(this::defaultName);
    }

    private String defaultName() {
        return switch (kind) {
            case PRIMARY_KEY -> ConstraintNames.primaryKey(table.name());
            case CHECK -> ConstraintNames.of(table.name(), checkColumn().map(List::of).orElse(List.of()), "check");
            case EXCLUDE -> ConstraintNames.of(table.name(), elementNames(), "excl");
            default -> ConstraintNames.of(table.name(), columns, kind.suffix());
        };
    }

    /** As PostgreSQL names a check: after its column if it names exactly one. */
    private Optional<String> checkColumn() {
        List<String> named = check.map(e -> PostgresParser.expression(e.sql()).columns().stream()
                .map(ref -> ref.name()).distinct().toList()).orElse(List.of());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The element names PostgreSQL's default name is made of: columns, {@code expr}, {@code expr1}, ... */
    private List<String> elementNames() {
        List<String> names = new ArrayList<>();
        for (ExclusionElement e : elements) {
            String base = e.column().orElseGet(() -> e.expression().map(x -> indexColumnName(x.sql())).orElse("expr"));
            String unique = base;
            for (int i = 1; names.contains(unique); i++) {
                unique = base + i;
            }
            names.add(unique);
        }
        return names;
    }

    /**
     * What PostgreSQL calls an indexed expression in a default name: a function call by its
     * function's name ({@code tsrange(a, b)} is {@code tsrange}), {@code case} for CASE, else {@code expr}.
     */
    static String indexColumnName(String sql) {
        String text = sql.strip();
        java.util.regex.Matcher call = FUNCTION_CALL.matcher(text);
        if (call.lookingAt() && closes(text, call.end() - 1)) {
            return call.group(1) != null ? call.group(1) : call.group(2).toLowerCase(java.util.Locale.ROOT);
        }
        return text.regionMatches(true, 0, "case", 0, 4) && text.length() > 4
                && !Character.isLetterOrDigit(text.charAt(4)) ? "case" : "expr";
    }

    private static final java.util.regex.Pattern FUNCTION_CALL = java.util.regex.Pattern.compile(
            "(?:(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s*\\.\\s*)?(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))\\s*\\(");

    /** Whether the parenthesis at {@code open} closes at the end of {@code text} (quotes skipped). */
    private static boolean closes(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }

    /** The plain columns of an exclusion constraint's elements. */
    public List<String> elementColumns() {
        return elements.stream().flatMap(e -> e.column().stream()).toList();
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        String n = constraintName();
        return before.withTableChanged(table, t -> switch (kind) {
            case CHECK -> t.withCheck(new CheckView(n, check.map(Expression::sql).orElse("")));
            case UNIQUE -> t.withUniqueKey(new KeyView(n, columns))
                    .withIndex(new IndexView(n, columns, Optional.empty(), true, Optional.empty()));
            case PRIMARY_KEY -> notNull(t.withPrimaryKey(columns))
                    .withIndex(new IndexView(n, columns, Optional.empty(), true, Optional.empty()));
            case FOREIGN_KEY -> references.map(ref -> t.withForeignKey(new ForeignKeyView(n, columns, ref.table(),
                    ref.columns(), ref.onDelete(), ref.onUpdate()))).orElse(t);
            case EXCLUDE -> t.withIndex(new IndexView(n, elementColumns(), Optional.empty(), false,
                    where.map(Expression::sql)));
        });
    }

    private TableView notNull(TableView t) {
        TableView result = t;
        for (String column : columns) {
            result = result.withColumnChanged(column, c -> c.withNullable(false));
        }
        return result;
    }

    static YamlOut write(AddConstraint r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("kind", r.kind.yaml()).put("name", r.name);
        if (!r.columns.isEmpty()) {
            out.putNames("columns", r.columns);
        }
        out.putExpression("check", r.check);
        if (!r.up.isEmpty()) {
            out.putExpressions("up", r.up);
        }
        r.references.ifPresent(ref -> out.put("references", ref.write()));
        if (r.matchFull) {
            out.put("match", "full");
        }
        if (r.orphans != Orphans.REJECT) {
            out.put("orphans", r.orphans.yaml());
        }
        if (r.kind == ConstraintKind.EXCLUDE) {
            out.put("using", r.using).putList("elements", r.elements, ExclusionElement::write);
        }
        out.putExpression("where", r.where);
        if (r.deferrable) {
            out.put("deferrable", true);
        }
        if (r.initiallyDeferred) {
            out.put("initially_deferred", true);
        }
        if (r.nullsNotDistinct) {
            out.put("nulls_not_distinct", true);
        }
        return r.index.write(out);
    }
}

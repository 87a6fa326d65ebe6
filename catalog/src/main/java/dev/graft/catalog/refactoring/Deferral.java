package dev.graft.catalog.refactoring;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;

/**
 * When a unique, primary key, exclusion or foreign key constraint is checked: {@code deferrable:
 * true} and {@code initially_deferred: true} (which implies deferrable), as in SQL.
 */
public enum Deferral {
    /** Checked after every statement, and not deferrable: the SQL default. */
    NOT_DEFERRABLE(""),
    /** {@code DEFERRABLE}: checked after every statement unless {@code SET CONSTRAINTS ... DEFERRED}. */
    DEFERRABLE(" DEFERRABLE"),
    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    INITIALLY_DEFERRED(" DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferral(String sql) {
        this.sql = sql;
    }

    /** The clause to append to a constraint definition: empty, or starting with a space. */
    public String sql() {
        return sql;
    }

    /** Reads {@code deferrable} and {@code initially_deferred} of {@code in}. */
    static Deferral read(Fields in) {
        boolean deferred = in.flag("initially_deferred", false);
        boolean said = in.has("deferrable");
        boolean deferrable = in.flag("deferrable", deferred);
        if (deferred && said && !deferrable) {
            in.problems().report(in.at("initially_deferred"), ProblemCode.NOT_DEFERRABLE,
                    "\"initially_deferred: true\" needs a deferrable constraint, but \"deferrable\" is false");
        }
        return deferred ? INITIALLY_DEFERRED : deferrable ? DEFERRABLE : NOT_DEFERRABLE;
    }

    /** Writes the keys {@link #read} reads, omitting the default. */
    YamlOut write(YamlOut out) {
        if (this == INITIALLY_DEFERRED) {
            out.put("initially_deferred", true);
        } else if (this == DEFERRABLE) {
            out.put("deferrable", true);
        }
        return out;
    }
}

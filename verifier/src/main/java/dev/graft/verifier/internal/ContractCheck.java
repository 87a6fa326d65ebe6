package dev.graft.verifier.internal;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.DropTable;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.RenameTable;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.shapes.Transition;
import dev.graft.verifier.snapshot.ObjectKind;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check 6: after a migration that completes transitions, nothing of their old shapes remains in
 * the clean run's schema: no old column, table or view, and no object named
 * {@code graft_<version>_...} (triggers, functions, shadow columns, step constraints).
 */
final class ContractCheck {

    private ContractCheck() {
    }

    static CheckResult run(SchemaSnapshot end, Optional<Migration> model, Optional<Catalog> catalog) {
        if (model.isEmpty()) {
            return CheckResult.skipped(Check.CONTRACT, "no catalog model for this version");
        }
        List<Complete> completes = model.get().refactorings().stream()
                .filter(Complete.class::isInstance).map(Complete.class::cast).toList();
        if (completes.isEmpty()) {
            return CheckResult.skipped(Check.CONTRACT, "completes no transition");
        }
        long start = System.nanoTime();
        List<String> leftovers = new ArrayList<>();
        int checked = 0;
        for (Complete complete : completes) {
            Optional<Migration> opened = catalog.flatMap(c -> c.migrations().stream()
                    .filter(m -> m.version().equals(complete.version())).findFirst());
            if (opened.isEmpty()) {
                leftovers.add("version " + complete.version() + " is not in the catalog");
                continue;
            }
            String prefix = "graft_" + complete.version().toString().replace('.', '_') + "_";
            for (SchemaObject object : end.objects().values()) {
                if (object.name().contains("." + prefix)) {
                    leftovers.add(object.kind().label() + " " + object.name() + " remains");
                }
            }
            for (Refactoring r : opened.get().refactorings()) {
                if (r.isTransition()) {
                    checked++;
                    leftovers.addAll(oldShape(end, r, complete.version().toString()));
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (leftovers.isEmpty()) {
            return CheckResult.passed(Check.CONTRACT, took, checked + " completed transition"
                    + (checked == 1 ? "" : "s") + ": no old column, table, view, trigger or function remains");
        }
        return CheckResult.failed(Check.CONTRACT, took, leftovers.size() + " remains of the old shape", leftovers);
    }

    private static List<String> oldShape(SchemaSnapshot end, Refactoring r, String version) {
        List<String> left = new ArrayList<>();
        if (r instanceof SplitColumn s) {
            column(end, s.table(), s.column(), left);
        } else if (r instanceof MergeColumns m) {
            m.columns().forEach(c -> column(end, m.table(), c, left));
        } else if (r instanceof RenameColumn rc) {
            column(end, rc.table(), rc.from(), left);
        } else if (r instanceof ChangeColumnType c) {
            Transition.of(c, version.replace('.', '_')).ifPresent(t ->
                    t.newColumns().forEach(shadow -> column(end, c.table(), shadow, left)));
        } else if (r instanceof DropColumn d) {
            column(end, d.table(), d.column(), left);
        } else if (r instanceof DropTable d) {
            relation(end, d.table(), left);
        } else if (r instanceof RenameTable rt && !rt.keepView()) {
            relation(end, rt.from(), left);
        } else if (r instanceof SplitTable st) {
            st.columns().forEach(c -> column(end, st.table(), c, left));
        } else if (r instanceof MergeTables mt) {
            relation(end, mt.from(), left);
        }
        return left;
    }

    private static void column(SchemaSnapshot end, TableName table, String column, List<String> left) {
        String name = table.qualified() + "." + column;
        end.find(ObjectKind.COLUMN, name).ifPresent(o -> left.add("column " + name + " remains"));
    }

    private static void relation(SchemaSnapshot end, TableName table, List<String> left) {
        end.find(ObjectKind.TABLE, table.qualified()).ifPresent(o -> left.add("table " + table.qualified() + " remains"));
        end.find(ObjectKind.VIEW, table.qualified()).ifPresent(o -> left.add("view " + table.qualified() + " remains"));
    }
}

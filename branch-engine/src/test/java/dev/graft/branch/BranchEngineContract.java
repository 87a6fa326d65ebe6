package dev.graft.branch;

import static dev.graft.branch.testing.Fixtures.count;
import static dev.graft.branch.testing.Fixtures.execute;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.testing.Fixtures;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * What every engine that can make root databases must do, run against each of them: a test class
 * per engine extends this and says which engine.
 */
public abstract class BranchEngineContract {

    /** The engine under test, shared by the tests of one JVM. */
    protected abstract BranchEngine engine();

    protected Branch seededParent(String prefix) {
        return Fixtures.seededParent(engine(), prefix);
    }

    @Test
    void aWriteOnABranchIsInvisibleToItsParentAndSiblings() throws SQLException {
        try (Branch parent = seededParent("iso");
             Branch left = engine().create(BranchSpec.of(unique("left")).parent(parent.name()).build());
             Branch right = engine().create(BranchSpec.of(unique("right")).parent(parent.name()).build())) {
            execute(left, "INSERT INTO item VALUES (4, 'four')");
            execute(right, "DELETE FROM item");

            assertThat(count(left, "item")).isEqualTo(4);
            assertThat(count(right, "item")).isZero();
            assertThat(count(parent, "item")).isEqualTo(3);
        }
    }

    @Test
    void aBranchOfABranchCopiesTheBranchNotTheRoot() throws SQLException {
        try (Branch root = seededParent("root");
             Branch child = engine().create(BranchSpec.of(unique("child")).parent(root.name()).build())) {
            execute(child, "INSERT INTO item VALUES (10, 'ten')");
            try (Branch grandchild = engine().create(BranchSpec.of(unique("grandchild")).parent(child.name()).build())) {
                assertThat(count(grandchild, "item")).isEqualTo(4);
                assertThat(count(root, "item")).isEqualTo(3);
                assertThat(grandchild.info().parent()).contains(child.name());
            }
        }
    }

    @Test
    void resetThrowsTheBranchChangesAwayAndTakesTheParentsCurrentState() throws SQLException {
        try (Branch parent = seededParent("reset");
             Branch branch = engine().create(BranchSpec.of(unique("reset-me")).parent(parent.name()).build())) {
            execute(branch, "DELETE FROM item");
            execute(parent, "INSERT INTO item VALUES (4, 'four')");

            Branch again = engine().reset(branch.name());

            assertThat(again.name()).isEqualTo(branch.name());
            assertThat(count(again, "item")).isEqualTo(4);
        }
    }

    @Test
    void deleteEndsOpenConnectionsFirst() throws SQLException {
        try (Branch parent = seededParent("del")) {
            Branch branch = engine().create(BranchSpec.of(unique("doomed")).parent(parent.name()).build());
            try (Connection open = branch.connect()) {
                assertThat(engine().delete(branch.name())).isTrue();
                assertThat(engine().get(branch.name())).isEmpty();
                assertThat(open.isValid(2)).isFalse();
            }
            assertThat(engine().delete(branch.name())).isFalse();
        }
    }

    @Test
    void closingABranchDeletesItAndClosingTwiceIsHarmless() {
        Branch parent = seededParent("close");
        Branch branch = engine().create(BranchSpec.of(unique("closing")).parent(parent.name()).build());
        branch.close();
        branch.close();
        parent.close();
        assertThat(engine().get(branch.name())).isEmpty();
        assertThat(engine().get(parent.name())).isEmpty();
    }

    @Test
    void createWithReuseIsIdempotentAndWithFailNamesTheBranch() {
        try (Branch parent = seededParent("exists")) {
            String name = unique("twice");
            try (Branch first = engine().create(BranchSpec.of(name).parent(parent.name()).build())) {
                Branch second = engine().create(BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REUSE).build());
                assertThat(second.info().createdAt()).isEqualTo(first.info().createdAt());

                assertThatThrownBy(() -> engine().create(BranchSpec.of(name).parent(parent.name()).build()))
                        .isInstanceOf(BranchException.class)
                        .hasMessageContaining("\"" + name + "\" exists already")
                        .hasMessageContaining("IfExists.REUSE");

                Branch replaced = engine().create(BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REPLACE).build());
                assertThat(replaced.info().createdAt()).isAfter(first.info().createdAt());
            }
        }
    }

    @Test
    void aMissingParentIsAClearError() {
        assertThatThrownBy(() -> engine().create(BranchSpec.of(unique("orphan")).parent("no-such-parent").build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("parent database \"no-such-parent\" does not exist");
    }

    @Test
    void aRootCannotBeReset() {
        try (Branch root = seededParent("rootreset")) {
            assertThatThrownBy(() -> engine().reset(root.name()))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("root database");
        }
    }
}

package dev.graft.branch.embedded;

import static dev.graft.branch.embedded.TestEngine.count;
import static dev.graft.branch.embedded.TestEngine.engine;
import static dev.graft.branch.embedded.TestEngine.execute;
import static dev.graft.branch.embedded.TestEngine.seededParent;
import static dev.graft.branch.embedded.TestEngine.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTest {

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
        Branch parent = seededParent("del");
        Branch branch = engine().create(BranchSpec.of(unique("doomed")).parent(parent.name()).build());
        try (Connection open = branch.connect()) {
            assertThat(engine().delete(branch.name())).isTrue();
            assertThat(engine().get(branch.name())).isEmpty();
            assertThat(open.isValid(2)).isFalse();
        } finally {
            parent.close();
        }
        assertThat(engine().delete(branch.name())).isFalse();
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
    void aBranchReportsItsParentExpiryAndHowItWasCopied() {
        try (Branch parent = seededParent("info");
             Branch branch = engine().create(BranchSpec.of(unique("info")).parent(parent.name())
                     .ttl(Duration.ofMinutes(5)).build())) {
            BranchInfo info = branch.info();
            assertThat(info.parent()).contains(parent.name());
            assertThat(info.expiresAt()).contains(info.createdAt().plus(Duration.ofMinutes(5)));
            CopyMethod expected = engine().cloneSupport().observed() ? CopyMethod.CLONE : CopyMethod.FULL_COPY;
            assertThat(info.copy().method()).isEqualTo(expected);
            assertThat(info.copy().detail()).contains(engine().cloneSupport().fileSystem());
            assertThat(parent.copy().method()).isEqualTo(CopyMethod.NONE);
            assertThat(engine().list()).extracting(BranchInfo::name).contains(parent.name(), branch.name());
        }
    }

    @Test
    void aBranchOutlivingItsEngineHandleStillDeletesItself() {
        EmbeddedEngine shortLived = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(TestEngine.DATA).build());
        Branch parent = seededParent("outlive");
        Branch branch = shortLived.create(BranchSpec.of(unique("outlive")).parent(parent.name()).build());
        shortLived.close();
        branch.close();
        parent.close();
        assertThat(engine().get(branch.name())).isEmpty();
    }

    @Test
    void aMissingParentIsAClearError() {
        assertThatThrownBy(() -> engine().create(BranchSpec.of(unique("orphan")).parent("no-such-parent").build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("parent database \"no-such-parent\" does not exist");
    }

    @Test
    void aDatabaseGraftDidNotMakeIsNeverDeleted() {
        assertThatThrownBy(() -> engine().delete("postgres"))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Graft did not make");
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

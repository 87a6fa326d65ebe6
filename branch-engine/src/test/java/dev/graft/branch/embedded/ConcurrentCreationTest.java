package dev.graft.branch.embedded;

import static dev.graft.branch.embedded.TestEngine.engine;
import static dev.graft.branch.embedded.TestEngine.seededParent;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentCreationTest {

    @Test
    void eightThreadsCreateFiftyDistinctBranches() throws Exception {
        try (Branch parent = seededParent("many")) {
            String prefix = unique("par");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Branch> made = new ArrayList<>();
            try {
                List<Future<Branch>> futures = IntStream.range(0, 50)
                        .mapToObj(i -> pool.submit(() -> engine().create(
                                BranchSpec.of(prefix + "-" + i).parent(parent.name()).build())))
                        .toList();
                for (Future<Branch> future : futures) {
                    made.add(future.get());
                }
                assertThat(made).extracting(Branch::name).doesNotHaveDuplicates().hasSize(50);
                assertThat(engine().list()).extracting(BranchInfo::name).filteredOn(n -> n.startsWith(prefix)).hasSize(50);
                for (Branch branch : made) {
                    assertThat(Fixtures.count(branch, "item")).isEqualTo(3);
                }
            } finally {
                pool.shutdown();
                made.forEach(Branch::close);
            }
        }
    }

    @Test
    void eightThreadsCreatingOneNameWithReuseShareOneBranch() throws Exception {
        try (Branch parent = seededParent("same")) {
            // Several rounds: the threads' renames into place must meet in every way they can.
            for (int round = 0; round < 5; round++) {
                String name = unique("shared");
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<Branch>> futures = IntStream.range(0, 8)
                            .mapToObj(i -> pool.submit(() -> engine().create(
                                    BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REUSE).build())))
                            .toList();
                    List<BranchInfo> infos = new ArrayList<>();
                    for (Future<Branch> future : futures) {
                        infos.add(future.get().info());
                    }
                    assertThat(infos).extracting(BranchInfo::createdAt).containsOnly(infos.get(0).createdAt());
                    assertThat(engine().list()).extracting(BranchInfo::name).filteredOn(name::equals).hasSize(1);
                    assertThat(engine().list()).extracting(BranchInfo::name).noneMatch(n -> n.startsWith("graft_tmp_"));
                } finally {
                    pool.shutdown();
                    engine().delete(name);
                }
            }
        }
    }
}

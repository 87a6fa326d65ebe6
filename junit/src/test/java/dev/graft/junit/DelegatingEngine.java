package dev.graft.junit;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import java.util.List;
import java.util.Optional;

/** A real engine (the tests' embedded one) behind another name, for tests that change one behaviour of it. */
class DelegatingEngine implements BranchEngine {

    private final String kind;

    DelegatingEngine(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Branch create(BranchSpec spec) {
        return Samples.engine().create(spec);
    }

    @Override
    public Optional<Branch> get(String name) {
        return Samples.engine().get(name);
    }

    @Override
    public List<BranchInfo> list() {
        return Samples.engine().list();
    }

    @Override
    public Branch reset(String name) {
        return Samples.engine().reset(name);
    }

    @Override
    public boolean delete(String name) {
        return Samples.engine().delete(name);
    }

    @Override
    public void close() {
    }
}

package dev.graft.branch.template;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchInfo;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A branch on a template-branching server; closing it deletes the database. */
final class TemplateBranch implements Branch {

    private final TemplateBranchEngine engine;
    private final BranchInfo info;
    private final TemplateTarget target;
    private final AtomicBoolean closed = new AtomicBoolean();

    TemplateBranch(TemplateBranchEngine engine, BranchInfo info, TemplateTarget target) {
        this.engine = engine;
        this.info = info;
        this.target = target;
    }

    @Override
    public BranchInfo info() {
        return info;
    }

    @Override
    public String jdbcUrl() {
        return target.jdbcUrl(info.name());
    }

    @Override
    public String user() {
        return target.user();
    }

    @Override
    public String password() {
        return target.password();
    }

    @Override
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(user());
        dataSource.setPassword(password());
        dataSource.setApplicationName("graft branch " + info.name());
        return dataSource;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.delete(info.name());
        }
    }

    @Override
    public String toString() {
        return "Branch[" + info.name() + " of " + info.parent().orElse("(root)") + ", " + info.copy() + "]";
    }
}

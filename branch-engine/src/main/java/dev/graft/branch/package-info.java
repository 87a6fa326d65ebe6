/**
 * The public API of Graft's branch engines: disposable PostgreSQL databases ({@link dev.graft.branch.Branch})
 * made by copying a parent, cheaply where the storage allows copy-on-write.
 *
 * <pre>{@code
 * try (BranchEngine engine = EmbeddedEngine.start(EmbeddedConfig.defaults());
 *      Branch main = engine.create(BranchSpec.root("main").seed(Seed.sqlFile(dump)).build());
 *      Branch pr = engine.create(BranchSpec.of("pr-42").parent("main").build())) {
 *     System.out.println(pr.jdbcUrl() + " copied by " + pr.copy());
 * }
 * }</pre>
 */
package dev.graft.branch;

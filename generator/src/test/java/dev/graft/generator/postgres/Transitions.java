package dev.graft.generator.postgres;

/** Shared catalog snippets of the refactoring tests. */
final class Transitions {

    static final String INVENTORY = """
            refactorings:
              - create_table:
                  table: inventory
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: inventory_code, type: varchar(22) }
                  primary_key: id
            """;

    private Transitions() { }
}

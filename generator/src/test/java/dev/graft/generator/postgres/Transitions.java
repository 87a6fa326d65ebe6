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

    /** A person with a first and a last name. */
    static final String PERSON = """
            refactorings:
              - create_table:
                  table: person
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: first_name, type: text }
                    - { name: last_name, type: text }
                  primary_key: id
            """;

    private Transitions() { }
}

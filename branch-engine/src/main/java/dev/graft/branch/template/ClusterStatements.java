package dev.graft.branch.template;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Statements that act on the server rather than on the database a seed runs in: databases,
 * roles, tablespaces, server settings. Published scripts and {@code pg_dump --create} or
 * {@code pg_dumpall} output start with some ({@code DROP DATABASE IF EXISTS x; CREATE DATABASE x;});
 * run against a shared server they would drop or change real databases, so a seed never runs them.
 */
final class ClusterStatements {

    private static final String DATABASES = "a seed runs inside the database being made, never on the server's other databases";
    private static final String ROLES = "roles belong to the whole server; a seed leaves them alone";
    private static final String TABLESPACES = "tablespaces belong to the whole server; a seed leaves them alone";

    private record Rule(Pattern head, String why) {
    }

    private static final List<Rule> RULES = List.of(
            rule("^(CREATE|ALTER|DROP) DATABASE\\b", DATABASES),
            rule("^COMMENT ON DATABASE\\b", DATABASES),
            rule("^(GRANT|REVOKE)\\b.*\\bON DATABASE\\b", DATABASES),
            rule("^(CREATE|ALTER|DROP) (ROLE|GROUP)\\b", ROLES),
            rule("^(CREATE|ALTER|DROP) USER\\b(?! MAPPING\\b)", ROLES),
            rule("^COMMENT ON ROLE\\b", ROLES),
            // GRANT role TO role: membership, which has no ON
            rule("^(GRANT|REVOKE)\\b(?!.*\\bON\\b)", ROLES),
            rule("^(CREATE|ALTER|DROP) TABLESPACE\\b", TABLESPACES),
            rule("^COMMENT ON TABLESPACE\\b", TABLESPACES),
            rule("^(GRANT|REVOKE)\\b.*\\bON TABLESPACE\\b", TABLESPACES),
            rule("^ALTER SYSTEM\\b", "server settings belong to the whole server; a seed leaves them alone"));

    private ClusterStatements() {
    }

    private static Rule rule(String head, String why) {
        return new Rule(Pattern.compile(head), why);
    }

    /**
     * Why a statement is never run, or empty when it may be.
     *
     * @param head the statement's words outside strings and comments, upper case, one space apart
     */
    static Optional<String> whyNotRun(String head) {
        return RULES.stream().filter(rule -> rule.head().matcher(head).find()).map(Rule::why).findFirst();
    }
}

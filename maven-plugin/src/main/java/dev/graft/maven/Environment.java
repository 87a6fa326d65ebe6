package dev.graft.maven;

/**
 * A named deployment target of {@code graft:migrate}, configured in the POM:
 * <pre>{@code
 * <environments>
 *   <environment>
 *     <name>staging</name>
 *     <url>jdbc:postgresql://staging-db:5432/app</url>
 *     <user>deploy</user>
 *     <lockBudget>120s</lockBudget>
 *     <complete>auto</complete>
 *   </environment>
 * </environments>
 * }</pre>
 * Its password comes from GRAFT_PASSWORD or a settings.xml server, never from the POM.
 */
public class Environment {

    /** What {@code -Dgraft.target} selects it by. */
    String name;

    /** The target's JDBC URL. */
    String url;

    /** The target's user. */
    String user;

    /** How long in total graft:migrate may wait to retry after lock_timeout: {@code 60s}, {@code 2m}. */
    String lockBudget;

    /** {@code auto}: complete migrations run here; {@code flag} (default): only with -Dgraft.complete=true. */
    String complete;

    /** The id of a settings.xml server whose password this environment uses. */
    String serverId;

    /** Refused when set: a password does not belong in the POM. */
    String password;
}

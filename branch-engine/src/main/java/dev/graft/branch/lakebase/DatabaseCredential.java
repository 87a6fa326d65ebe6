package dev.graft.branch.lakebase;

import dev.graft.branch.BranchException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current Postgres password of one Lakebase endpoint: a token that lasts at most an hour.
 * Lakebase checks it only at login, so it suffices that every login gets a token with time left;
 * {@link #get()} fetches a new one once the current one is within the refresh margin of its
 * expiry, rather than on a timer thread that could die unnoticed.
 */
final class DatabaseCredential implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCredential.class);

    private final LakebaseApi api;
    private final String endpoint;
    private final Duration ttl;
    private final Duration margin;
    private final Clock clock;
    private LakebaseApi.Credential current;

    DatabaseCredential(LakebaseApi api, String endpoint, Duration ttl, Duration margin, Clock clock) {
        this.api = api;
        this.endpoint = endpoint;
        this.ttl = ttl;
        this.margin = margin;
        this.clock = clock;
    }

    /** A token valid for at least the refresh margin (unless the service hands out shorter ones). */
    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expires().minus(margin))) {
            try {
                current = api.credential(endpoint, ttl.toSeconds(), api.deadline());
                LOG.debug("lakebase: new credential for {}, valid until {}", endpoint, current.expires());
            } catch (BranchException e) {
                // A refresh that fails inside the margin is no reason to refuse a token that still works.
                if (current == null || !now.isBefore(current.expires())) {
                    throw e;
                }
                LOG.warn("lakebase: could not refresh the credential for {} ({}); the current one lasts until {}",
                        endpoint, e.getMessage(), current.expires());
            }
        }
        return current.token().reveal();
    }

    @Override
    public String toString() {
        return "DatabaseCredential[" + endpoint + "]";
    }
}

package dev.graft.branch.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.CopyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Graft remembers of a branch, kept in the database's own comment so that it survives the
 * JVM that made it: another process (or the next engine start) can list it and expire it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BranchMetadata(String requested, String parent, Instant created, Instant expires, CopyMethod copy,
                      long tookMicros, String detail, String owner, boolean ready) {

    static final String PREFIX = "graft-branch ";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    static Optional<BranchMetadata> parse(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(comment.substring(PREFIX.length()), BranchMetadata.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    String toComment() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("branch metadata did not serialize", e);
        }
    }

    BranchMetadata asReady() {
        return new BranchMetadata(requested, parent, created, expires, copy, tookMicros, detail, owner, true);
    }

    BranchInfo toInfo(String name) {
        return new BranchInfo(name, Optional.ofNullable(parent), created, Optional.ofNullable(expires),
                new CopyReport(copy, Duration.ofNanos(tookMicros * 1000), detail));
    }

    /** The process that made this database, as {@code pid@host}: lets a later start tell a leftover from work in progress. */
    static String currentOwner() {
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    /** True when the owner is a process on this host that no longer runs. */
    boolean ownerIsDead() {
        if (owner == null) {
            return true;
        }
        int at = owner.indexOf('@');
        if (at < 0 || !owner.substring(at + 1).equals(hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}

/**
 * What the cloud engines ({@code neon}, {@code lakebase}) share: a JSON-over-HTTP client that retries
 * what is safe to retry within a deadline, operation polling, secret redaction and the {@link
 * dev.graft.branch.Branch} handle they return. Only {@link dev.graft.branch.cloud.ParentPoint} and
 * {@link dev.graft.branch.cloud.ApiException} are meant for callers; the rest serves the engines.
 */
package dev.graft.branch.cloud;

/**
 * The testcontainers engine's tests, run for real against a Docker engine and a local PostgreSQL
 * image ({@code .ci/docker-postgres.sh} makes both); in CI they fail rather than skip without them.
 */
package dev.graft.branch.testcontainers;

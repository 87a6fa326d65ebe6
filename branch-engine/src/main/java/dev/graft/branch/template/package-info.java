/**
 * Branching by {@code CREATE DATABASE ... TEMPLATE}: the mechanism shared by every engine that
 * talks to a PostgreSQL server it can administer (embedded, server, containers).
 */
package dev.graft.branch.template;

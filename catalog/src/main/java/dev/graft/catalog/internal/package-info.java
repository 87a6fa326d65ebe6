/**
 * Internals of the catalog reader: located YAML nodes, typed field reading, checks against the
 * schema view, and the one adapter over JSqlParser. Not API.
 */
package dev.graft.catalog.internal;

/** Graft's Maven goals: each maps its parameters onto the programmatic API in one place and calls it. */
package dev.graft.maven;

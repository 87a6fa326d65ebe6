/**
 * How a verification runs: finding pending migrations, making and removing branches, running
 * each check, logging progress. Not public API.
 */
package dev.graft.verifier.internal;

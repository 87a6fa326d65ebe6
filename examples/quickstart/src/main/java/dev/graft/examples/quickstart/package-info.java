/** The quickstart: one real PostgreSQL, one sample database, one cheap branch of it. */
package dev.graft.examples.quickstart;

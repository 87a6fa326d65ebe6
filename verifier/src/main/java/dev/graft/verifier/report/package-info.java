/**
 * The verification report as files: Markdown ready to post on a pull request, JUnit XML with one
 * test case per check per migration (so CI shows each), and JSON for tools.
 */
package dev.graft.verifier.report;

/**
 * The {@code pdviz} command line (picocli): one class per command, errors as one line and exit
 * status 1. The help texts of every command, option and parameter are in one resource bundle,
 * {@code org/pdviz/cli/help.properties}, not in the annotations.
 *
 * <p>May depend on: every layer below it, picocli, and {@code ui} only to open the window
 * ({@code pdviz app}).
 */
package org.pdviz.cli;

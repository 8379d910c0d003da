/**
 * Notebook glue: how library objects look when they are a cell's value.
 *
 * <p>The kernel's startup script calls {@link concurrencylab.notebook.Notebook#install}
 * so that an XChart chart renders as an inline PNG and a Tablesaw table as an HTML table.
 * Introduced in notebook {@code 07.0-Opening}; every later notebook relies on it.
 */
package concurrencylab.notebook;

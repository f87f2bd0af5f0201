/**
 * The {@code file} connector: reads CSV and JSON-lines files (one file, or the files of a folder that match a
 * glob, in path order) and writes them into a folder.
 *
 * <p>Offsets: for a single file the data record number (1-based, header and blank lines not counted); for a
 * folder {@code <relative path>#<record number>}. Quarantine reasons name the physical line where the record
 * starts, e.g. {@code line 17: column 'age': 'abc' is not a LONG}.
 */
package io.cairn.connector.file;

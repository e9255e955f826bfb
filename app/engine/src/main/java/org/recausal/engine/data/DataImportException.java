package org.recausal.engine.data;

/**
 * An import that stopped. Where the stop comes from a cell or a record, {@link #line()} and {@link #column()}
 * say where (line 0 and a null column when it concerns the whole file).
 */
public class DataImportException extends DataException {

    private final long line;
    private final String column;

    public DataImportException(String message) {
        this(message, 0, null);
    }

    public DataImportException(String message, long line, String column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public DataImportException(String message, Throwable cause) {
        super(message, cause);
        this.line = 0;
        this.column = null;
    }

    /** 1-based line of the file where the problem starts, or 0. */
    public long line() {
        return line;
    }

    /** The column concerned, or null. */
    public String column() {
        return column;
    }
}

package cloudlab.store;

import java.sql.SQLException;

/** A database failure the caller cannot fix: the program's own fault, logged and answered with 500. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}

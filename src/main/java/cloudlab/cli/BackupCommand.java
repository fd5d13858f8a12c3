package cloudlab.cli;

import cloudlab.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cloud-lab backup FILE}: a consistent copy of the database, taken while the lab runs. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Copy the database to FILE while the lab keeps running.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The new file to write (must not exist).")
    Path file;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        if (!Database.isFile(db.location)) {
            parent.err.println("backup: copies an SQLite file; for a PostgreSQL database use pg_dump (see the README)");
            return 2;
        }
        if (!db.there(parent.err, "backup")) return 2;
        if (Files.exists(file)) {
            parent.err.println("backup: " + file + " already exists; choose a new file name");
            return 2;
        }
        Database database;
        try {
            database = Database.open(db.location);
        } catch (RuntimeException e) {
            parent.err.println("backup: cannot read the database " + db.location + ": " + reason(e));
            return 2;
        }
        try (database) {
            database.backupTo(file);
        } catch (RuntimeException e) {
            parent.err.println("backup: cannot write " + file + ": " + reason(e));
            return 2;
        }
        try (Database copy = Database.openSqlite(file)) {
            String check = copy.integrityCheck();
            if (!check.equals("ok")) {
                parent.err.println("backup: the copy failed its integrity check: " + check);
                return 1;
            }
        }
        parent.out.println("Backed up " + db.location + " to " + file + " (integrity check: ok).");
        return 0;
    }

    /** The innermost cause's message: what SQLite or the file system said, without class names. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

package cloudlab.cli;

import cloudlab.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--db", paramLabel = "PATH", description = "The SQLite file (default data/cloud-lab.db).", defaultValue = "data/cloud-lab.db")
    Path db;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(db)) {
            parent.err.println("backup: " + db + ": no such database");
            return 2;
        }
        if (Files.exists(file)) {
            parent.err.println("backup: " + file + " already exists; choose a new file name");
            return 2;
        }
        try (Database database = Database.openSqlite(db)) {
            database.backupTo(file);
        }
        try (Database copy = Database.openSqlite(file)) {
            String check = copy.integrityCheck();
            if (!check.equals("ok")) {
                parent.err.println("backup: the copy failed its integrity check: " + check);
                return 1;
            }
        }
        parent.out.println("Backed up " + db + " to " + file + " (integrity check: ok).");
        return 0;
    }
}

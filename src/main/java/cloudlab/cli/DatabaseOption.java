package cloudlab.cli;

import cloudlab.store.Database;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --db} option of every command that opens the lab's database, declared once and mixed in. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|URL", description = "The database: an SQLite file or a jdbc:postgresql:// URL (default data/cloud-lab.db, or CLOUDLAB_DB).", defaultValue = "${env:CLOUDLAB_DB:-data/cloud-lab.db}")
    String location;

    /**
     * Whether there is a database to read: false, after saying so on {@code err} under the
     * command's name, for an SQLite file that does not exist (opening it would make an empty one).
     */
    boolean there(PrintWriter err, String command) {
        if (Database.isFile(location) && !Files.isRegularFile(Path.of(location))) {
            err.println(command + ": " + location + ": no such database");
            return false;
        }
        return true;
    }
}

package cloudlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code cloud-lab serve [--port N] [--db PATH]}: the web app. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the lab in the browser.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Option(names = "--port", description = "The port to listen on (default 7070).", defaultValue = "7070")
    int port;

    @Option(names = "--db", description = "The SQLite file for progress (default data/cloud-lab.db).", defaultValue = "data/cloud-lab.db")
    String db;

    @Override
    public Integer call() {
        parent.err.println("cloud-lab serve: the web app is not built yet; simulate and grade work now.");
        return 2;
    }
}

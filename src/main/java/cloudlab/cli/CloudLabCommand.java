package cloudlab.cli;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top of the command tree: {@code cloud-lab COMMAND}. */
@Command(name = "cloud-lab", mixinStandardHelpOptions = true, version = "cloud-lab 0.1.0",
        description = "Cloud Lab: learn how clouds are built by building and breaking them.",
        subcommands = {ServeCommand.class, SimulateCommand.class, RunCommand.class, GradeCommand.class, CheckLessonsCommand.class, RegradeCommand.class, GradebookCommand.class, InstructorCommand.class, GiftCommand.class, BackupCommand.class})
final class CloudLabCommand implements Runnable {
    final PrintWriter out;
    final PrintWriter err;

    CloudLabCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(out);
    }
}

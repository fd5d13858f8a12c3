package cloudlab.sim;

/** An application served by VMs; available while at least {@code minRunning} of them run (R6). */
public record App(String name, int minRunning) {
}

package cloudlab.sim;

/** A place where users are, for round-trip times (R7). */
public record User(String name, Location location) {
}

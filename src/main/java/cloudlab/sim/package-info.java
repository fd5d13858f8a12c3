/**
 * The simulation core, pure Java: the model of a layout (regions down to VMs, apps, users,
 * failures), the rules R1–R7 and the field rules, commands that the core decides into events
 * ({@link cloudlab.sim.History#submit}), a layout as the fold of its events
 * ({@link cloudlab.sim.Layout#apply}), placement, and the report ({@link cloudlab.sim.Simulator#simulate}).
 *
 * <p>The front door is small: the model classes, {@link cloudlab.sim.Command} and
 * {@link cloudlab.sim.Event}, {@link cloudlab.sim.History}, {@link cloudlab.sim.Simulator},
 * {@link cloudlab.sim.Rules} and {@link cloudlab.sim.Capacity} (the field rules and the one fit
 * rule), {@link cloudlab.sim.Placement}'s policies, {@link cloudlab.sim.Latency} and
 * {@link cloudlab.sim.Num} for exact numbers as messages show them. The decider and the
 * layout-to-commands walk stay inside. Reading and writing documents is
 * {@link cloudlab.sim.document}; challenges, goals and grading are {@link cloudlab.sim.grade}.
 * Nothing here imports the web, the database or templates.
 */
package cloudlab.sim;

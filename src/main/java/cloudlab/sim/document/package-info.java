/**
 * Documents in and out of the core: strict JSON and YAML trees ({@link cloudlab.sim.document.Documents}),
 * layouts read with every field rule and R1–R4 ({@link cloudlab.sim.document.LayoutReader}) and
 * written back ({@link cloudlab.sim.document.LayoutWriter}), challenge files
 * ({@link cloudlab.sim.document.ChallengeReader}), the type checks every reader shares
 * ({@link cloudlab.sim.document.Check}) and the JSON writer of reports and events
 * ({@link cloudlab.sim.document.Json}). Every message names the file, the place and the rule.
 */
package cloudlab.sim.document;

/**
 * The server below the lab's routes: where it listens and what it serves from
 * ({@link cloudlab.server.Settings}: port, database, content folders, the signing secret, trusted
 * proxies), and the guards Jetty applies before a handler sees a request: bodies read whole without
 * a thread, cut off when they trickle, then let in a few at a time ({@link cloudlab.server.SlowBodies}), the container's own
 * refusals in the lab's words and headers, and faults of the client's making told from ours
 * ({@link cloudlab.server.ContainerErrors}); limits, compression, static files and headers
 * ({@link cloudlab.server.Serving}); the session-bound CSRF token every cookie-authorised write
 * carries ({@link cloudlab.server.Csrf}). Javalin and Jetty only; no feature.
 */
package cloudlab.server;

/**
 * Who may try how often: sliding-window limits per key, sign-in places taken before a password is
 * checked ({@link cloudlab.access.Limits}), slow work a few at a time, and the client address a
 * request counts under ({@link cloudlab.access.Addresses}). Pure Java with an injected clock; the
 * web layer only reads the request's peer and forwarded header.
 */
package cloudlab.access;

/**
 * Acting for someone else (授权代办, issue 15): mandates a citizen gives another (online, or
 * recorded at a counter for someone who cannot use a phone), a parent's right over their
 * children under 16 from the household registry, and the mechanism that lets a request
 * act for the grantor: the {@code On-Behalf-Of} header on the API, the "acting for"
 * choice in the web session on pages, checked against the database on every request.
 */
package org.onestop.identity.mandate;

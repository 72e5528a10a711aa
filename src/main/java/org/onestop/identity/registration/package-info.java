/**
 * Citizens registering themselves: name and ID number checked against the population
 * registry, a texted code, then a password; with the per-address throttle that keeps it
 * from being a lookup service.
 */
package org.onestop.identity.registration;

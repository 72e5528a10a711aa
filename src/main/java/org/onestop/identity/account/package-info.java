/**
 * The account basics a citizen manages alone: resetting a forgotten password with a code
 * texted to the verified phone, changing the password and the verified phone, and ending
 * every session and API token at once, on every node.
 */
package org.onestop.identity.account;

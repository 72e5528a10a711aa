/**
 * Administrators creating staff accounts and changing their department, roles and
 * standing; and the first administrator in production.
 */
package org.onestop.identity.staff;

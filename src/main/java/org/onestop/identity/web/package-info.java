/**
 * Identity's pages and JSON endpoints (sign-in, registration, unlocking, account, staff
 * administration), and the page models the templates read.
 */
package org.onestop.identity.web;

/**
 * The figures' pages ({@code /figures} for everyone, {@code /staff/figures} for heads,
 * administrators, auditors and services supervisors) and the open data.
 */
package org.onestop.insight.web;

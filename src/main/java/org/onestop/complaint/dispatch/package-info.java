/** Lead-department suggestions. */
package org.onestop.complaint.dispatch;

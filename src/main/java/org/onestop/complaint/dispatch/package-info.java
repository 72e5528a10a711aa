/**
 * The lead-department suggestion for complaint dispatch (派单): a category's rule names a
 * lead department, and where the rule is not certain a naive Bayes model over the
 * complaint's words, trained on the demo history and on every dispatcher's decision
 * recorded here, suggests the department the text really points to (restaurant fumes to
 * urban management, rubbish inside a compound to housing). The decisions live in the
 * database, so every node's model converges on the same ones within half a minute.
 */
package org.onestop.complaint.dispatch;

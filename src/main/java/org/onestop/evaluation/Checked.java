package org.onestop.evaluation;

import java.util.List;

/**
 * A verdict that passed {@link RatingRules}: a level, known reasons that fit it, a clean
 * comment or null.
 */
record Checked(int level, List<String> reasons, String comment) {
}

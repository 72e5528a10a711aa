package org.onestop.registry;

import org.onestop.shared.LocalizedText;

/**
 * A named piece of data a base registry supplies, such as {@code population.address} or
 * {@code socialsecurity.contribution_months}.
 *
 * @param registry the registry's code, such as {@code population}
 * @param department the department that owns the registry
 */
public record DataItemDefinition(String key, LocalizedText label, String registry, String department) {
}

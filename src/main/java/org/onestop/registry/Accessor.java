package org.onestop.registry;

/**
 * Who reads registry data: the citizen themself, an official of a department, or OneStop
 * on its own (prefilling a form). Shown to the citizen on "who used my data".
 *
 * @param department the official's department; null for citizens and the system
 */
public record Accessor(String username, Kind kind, String department) {

	public enum Kind {

		CITIZEN, OFFICIAL, SYSTEM

	}

	public static Accessor citizen(String username) {
		return new Accessor(username, Kind.CITIZEN, null);
	}

	public static Accessor official(String username, String department) {
		return new Accessor(username, Kind.OFFICIAL, department);
	}

	public static Accessor system() {
		return new Accessor("system", Kind.SYSTEM, null);
	}
}

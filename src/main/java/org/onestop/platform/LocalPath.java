package org.onestop.platform;

/**
 * Guards redirects that take a path from the request, so that they never leave OneStop.
 */
public final class LocalPath {

	private LocalPath() {
	}

	/** The path itself when it is a path on this site, otherwise the home page. */
	public static String orHome(String path) {
		return isLocal(path) ? path : "/";
	}

	/**
	 * True for a path on this site; false for anything a browser could take to another
	 * host.
	 */
	public static boolean isLocal(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
				&& path.chars().noneMatch(c -> c < 0x20);
	}

}

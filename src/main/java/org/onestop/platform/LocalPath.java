package org.onestop.platform;

/** Guards redirects that take a path from the request, so that they never leave OneStop. */
public final class LocalPath {

	private LocalPath() {
	}

	/** The path itself when it is a path on this site, otherwise the home page. */
	public static String orHome(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
				|| path.chars().anyMatch(c -> c < 0x20)) {
			return "/";
		}
		return path;
	}
}
